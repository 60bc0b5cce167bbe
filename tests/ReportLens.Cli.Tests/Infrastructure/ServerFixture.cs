using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.OllamaEmulator;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>The ReportLens server as a process on a free loopback port, on its own SQLite file, backed by an in-process emulator.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminUser = "cli-admin";
    public const string AdminPassword = "cli-admin-password-1";

    private readonly string folder = Directory.CreateTempSubdirectory("reportlens-cli-server-").FullName;
    private ServerProcess? process;

    public EmulatorHost Emulator { get; private set; } = null!;
    public string Url { get; private set; } = "";
    public string Token { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        process = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"Data Source={Path.Combine(folder, "server.db")}",
            ["SECRET_KEY"] = TestServerSettings.SecretKey,
            ["REPORTLENS_ADMIN_USER"] = AdminUser,
            ["REPORTLENS_ADMIN_PASSWORD"] = AdminPassword,
            ["OLLAMA_BASE_URL"] = Emulator.BaseUrl.ToString(),
        }, workingDirectory: folder);
        Url = process.BaseAddress!.ToString().TrimEnd('/');
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        Token = await ApiLogin.TokenAsync(process.BaseAddress, AdminUser, AdminPassword);
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
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }
}
