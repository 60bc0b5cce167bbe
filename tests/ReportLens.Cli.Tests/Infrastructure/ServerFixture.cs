using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>The ReportLens server as a process on a free loopback port, on its own SQLite file, backed by an in-process emulator.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminUser = "cli-admin";
    public const string AdminPassword = "cli-admin-password-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("reportlens-cli-server-").FullName;
    private ServerProcess? _process;

    public EmulatorHost Emulator { get; private set; } = null!;
    public string Url { get; private set; } = "";
    public string Token { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        _process = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"Data Source={Path.Combine(_folder, "server.db")}",
            ["SECRET_KEY"] = TestServerSettings.SecretKey,
            ["REPORTLENS_ADMIN_USER"] = AdminUser,
            ["REPORTLENS_ADMIN_PASSWORD"] = AdminPassword,
            ["OLLAMA_BASE_URL"] = Emulator.BaseUrl.ToString(),
        }, workingDirectory: _folder);
        Url = _process.BaseAddress!.ToString().TrimEnd('/');
        await _process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        Token = await ApiLogin.TokenAsync(_process.BaseAddress, AdminUser, AdminPassword);
    }

    /// <summary>The server's list entries whose text or accession number contains <paramref name="text"/>.</summary>
    public async Task<List<JsonElement>> FindReportsAsync(string text)
    {
        using var client = ApiLogin.Client(new Uri(Url), Token);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={Uri.EscapeDataString(text)}&page_size=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
