using System.Globalization;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.CriticalFindings;

/// <summary>
/// A server whose critical-finding webhooks go to an in-test <see cref="WebhookReceiver"/>: "primary" accepts every
/// call, "flaky" fails each case's first two calls. Retries after 0.2 s, 0.4 s…; no escalation (tested on a fake clock).
/// </summary>
public abstract class CriticalFindingsAppFixture : AppFixture
{
    public const string Secret = "critical-webhook-test-secret-0123";
    public const double RetryBaseSeconds = 0.2;

    public WebhookReceiver Receiver { get; private set; } = null!;

    protected abstract Task<TestDatabase?> CreateTestDatabaseAsync();

    // The receiver must listen before the server's settings name it; the database is created first of all.
    protected sealed override async Task<TestDatabase?> CreateDatabaseAsync()
    {
        var database = await CreateTestDatabaseAsync();
        if (database is not null)
        {
            Receiver = await WebhookReceiver.StartAsync(Secret, new Dictionary<string, int> { ["flaky"] = 2 });
        }

        return database;
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["CRITICAL_WEBHOOK_URLS"] = $"{Receiver.Hook("primary")},{Receiver.Hook("flaky")}";
        settings["CRITICAL_WEBHOOK_SECRET"] = Secret;
        settings["CRITICAL_WEBHOOK_RETRY_SECONDS"] = RetryBaseSeconds.ToString(CultureInfo.InvariantCulture);
        settings["CRITICAL_ESCALATE_AFTER_MINUTES"] = "0";
        settings["CriticalFindings:PollSeconds"] = "0.1";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

public sealed class SqliteCriticalFindingsAppFixture : CriticalFindingsAppFixture
{
    protected override Task<TestDatabase?> CreateTestDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());
}

public sealed class PostgresCriticalFindingsAppFixture : CriticalFindingsAppFixture
{
    protected override async Task<TestDatabase?> CreateTestDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
