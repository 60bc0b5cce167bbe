namespace ReportLens.E2E.Tests.Infrastructure;

/// <summary>The server with nothing listening at OLLAMA_BASE_URL: every analysis runs on the rules engine, at most 10 items per list.</summary>
public sealed class NoOllamaFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportlens-e2e", Guid.NewGuid().ToString("N"));
    private ReportLensAppFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = UiFixture.Settings(_folder, "http://127.0.0.1:9");
        // The smallest cap allowed, so a report of a few dozen findings shows the truncation notice.
        settings["Analysis:MaxItemsPerAnnotation"] = "10";
        _factory = new ReportLensAppFactory<Program>(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
