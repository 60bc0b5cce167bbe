using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ReportLens.OllamaEmulator;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>The ReportLens server as a process on a free loopback port, on its own SQLite file, backed by an in-process emulator.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string AdminUser = "cli-admin";
    public const string AdminPassword = "cli-admin-password-1";

    private readonly string folder = Directory.CreateTempSubdirectory("reportlens-cli-server-").FullName;
    private Process? process;

    public EmulatorHost Emulator { get; private set; } = null!;
    public string Url { get; private set; } = "";
    public string Token { get; private set; } = "";

    public static string ServerDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "ReportLens.sln")))
            {
                root = root.Parent ?? throw new InvalidOperationException("ReportLens.sln not found");
            }

            return Path.Combine(root.FullName, "src", "ReportLens.Server", "bin", configuration, "net10.0", "ReportLens.Server.dll");
        }
    }

    public async ValueTask InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions());
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        info.Environment["ASPNETCORE_URLS"] = Url;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DATABASE_URL"] = $"Data Source={Path.Combine(folder, "server.db")}";
        info.Environment["SECRET_KEY"] = "cli-tests-secret-key-that-is-long-enough-0123456789";
        info.Environment["REPORTLENS_ADMIN_USER"] = AdminUser;
        info.Environment["REPORTLENS_ADMIN_PASSWORD"] = AdminPassword;
        info.Environment["OLLAMA_BASE_URL"] = Emulator.BaseUrl.ToString();
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        Token = await LoginAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {process.ExitCode}");
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

    /// <summary>The server's list entries whose text or accession number contains <paramref name="text"/>.</summary>
    public async Task<List<JsonElement>> FindReportsAsync(string text)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={Uri.EscapeDataString(text)}&page_size=200");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private async Task<string> LoginAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(Url) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = AdminUser, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
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
