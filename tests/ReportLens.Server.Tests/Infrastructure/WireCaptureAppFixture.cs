namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>
/// The server on SQLite whose "Ollama" records every request (<see cref="WireCaptureServer"/>) and answers each with
/// the same valid highlight of <see cref="Reply"/>'s finding: to check what the server sends a model.
/// </summary>
public class WireCaptureAppFixture : AppFixture
{
    public const string Finding = "结节";
    public static readonly string Reply = $$"""{"highlights": [{"text": "{{Finding}}", "category": "abnormal", "reason": "finding"}]}""";

    public WireCaptureServer Model { get; private set; } = null!;

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());

    protected override async Task<string> StartOllamaAsync()
    {
        Model = await WireCaptureServer.StartAsync([.. Enumerable.Repeat(Reply, 200)]);
        return Model.BaseUrl.ToString().TrimEnd('/');
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Model is not null)
        {
            await Model.DisposeAsync();
        }
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PostgresWireCaptureAppFixture : WireCaptureAppFixture
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
