using System.Net.Http.Json;

namespace ReportLens.E2E.Tests.Infrastructure;

/// <summary>The server with VIEWERS_SEE_DEIDENTIFIED=true (docs/privacy.md) and the test viewer; the rules engine analyses.</summary>
public sealed class DeidentifiedViewersFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reportlens-e2e", Guid.NewGuid().ToString("N"));
    private ReportLensAppFactory<Program>? _factory;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = UiFixture.Settings(_folder, "http://127.0.0.1:9");
        settings["VIEWERS_SEE_DEIDENTIFIED"] = "true";
        _factory = new ReportLensAppFactory<Program>(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        using var admin = await ApiLogin.SignedInClientAsync(BaseAddress, Accounts.Admin, Accounts.AdminPassword);
        (await admin.PostAsJsonAsync("/api/v1/users", new { username = Accounts.Viewer, password = Accounts.ViewerPassword, role = "viewer" }))
            .EnsureSuccessStatusCode();
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
