using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>The ReportLens server as a process on a database the test chooses (for CLI commands run beside it).</summary>
public sealed class DatabaseServer : IAsyncDisposable
{
    private const string Admin = "restore-admin";
    private const string Password = "restore-admin-password-1";
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private DatabaseServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DatabaseServer> StartAsync(string databaseUrl, string workingDirectory)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        listener.Stop();
        var info = new ProcessStartInfo("dotnet", [ServerFixture.ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DATABASE_URL"] = databaseUrl;
        info.Environment["SECRET_KEY"] = "cli-tests-secret-key-that-is-long-enough-0123456789";
        info.Environment["REPORTLENS_ADMIN_USER"] = Admin;
        info.Environment["REPORTLENS_ADMIN_PASSWORD"] = Password;
        info.Environment["OLLAMA_BASE_URL"] = "http://127.0.0.1:9";
        var server = new DatabaseServer(Process.Start(info)!, address);
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, e) => { lock (server._stderr) { server._stderr.AppendLine(e.Data); } };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
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
        using var client = new HttpClient { BaseAddress = Address };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = Admin, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.PostAsJsonAsync("/api/v1/reports", new { report_content = text })).EnsureSuccessStatusCode();
    }

    /// <summary>SIGKILL: the server gets no chance to release anything itself.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                lock (_stderr)
                {
                    throw new InvalidOperationException($"server exited with code {_process.ExitCode}: {_stderr}");
                }
            }

            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the server did not become ready within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
