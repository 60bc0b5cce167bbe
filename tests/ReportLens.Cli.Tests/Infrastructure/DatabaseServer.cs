using System.Text.Json;
using System.Net.Http.Json;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>The ReportLens server as a process on a database the test chooses (for CLI commands run beside it).</summary>
public sealed class DatabaseServer : IAsyncDisposable
{
    private const string Admin = "restore-admin";
    private const string Password = "restore-admin-password-1";
    private readonly ServerProcess _process;

    private DatabaseServer(ServerProcess process) => _process = process;

    public Uri Address => _process.BaseAddress!;

    public static async Task<DatabaseServer> StartAsync(string databaseUrl, string workingDirectory)
    {
        var process = ServerProcess.Start(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = databaseUrl,
            ["SECRET_KEY"] = TestServerSettings.SecretKey,
            ["REPORTLENS_ADMIN_USER"] = Admin,
            ["REPORTLENS_ADMIN_PASSWORD"] = Password,
            ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9",
        }, workingDirectory: workingDirectory);
        try
        {
            await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            return new DatabaseServer(process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public const string AdminUser = Admin;

    /// <summary>A client signed in as the server's admin.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = Admin, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Stores a report through the API and returns once the server acknowledged it (201).</summary>
    public async Task CreateReportAsync(string text)
    {
        using var client = await ApiLogin.SignedInClientAsync(Address, Admin, Password);
        (await client.PostAsJsonAsync("/api/v1/reports", new { report_content = text })).EnsureSuccessStatusCode();
    }

    /// <summary>SIGKILL: the server gets no chance to release anything itself.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
