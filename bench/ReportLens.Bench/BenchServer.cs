using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace ReportLens.Bench;

/// <summary>
/// The real server as its own process (so its memory is its own), on a fresh SQLite database, signed in as admin.
/// Samples the process's working set while it runs.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string Admin = "admin";
    private const string Password = "bench-admin-password-1";
    private readonly Process _process;
    private readonly string _folder;
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakWorkingSet;

    private BenchServer(Process process, string folder, Uri baseAddress, string databaseUrl)
    {
        _process = process;
        _folder = folder;
        DatabaseUrl = databaseUrl;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        _sampler = SampleAsync(_sampling.Token);
    }

    public HttpClient Client { get; }

    public string DatabaseUrl { get; }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    /// <param name="settings">More environment for the server (e.g. Jobs__Concurrency), on top of the bench's.</param>
    public static async Task<BenchServer> StartAsync(string root, string ollamaUrls, int slotsPerEndpoint, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = RepoRoot.BuiltDll(root, "ReportLens.Server", "ReportLens.Server.dll");
        var folder = Directory.CreateTempSubdirectory("reportlens-bench-").FullName;
        var port = FreePort();
        var databaseUrl = $"Data Source={Path.Combine(folder, "bench.db")}";
        var info = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DATABASE_URL"] = databaseUrl;
        info.Environment["SECRET_KEY"] = "benchmark-secret-key-0123456789abcdefghij";
        info.Environment["RATE_LIMIT_PER_MINUTE"] = "0";
        info.Environment["REPORTLENS_ADMIN_USER"] = Admin;
        info.Environment["REPORTLENS_ADMIN_PASSWORD"] = Password;
        info.Environment["OLLAMA_BASE_URL"] = ollamaUrls;
        info.Environment["OLLAMA_NUM_PARALLEL"] = slotsPerEndpoint.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Demo__SeedDemoReports"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Jobs__PollSeconds"] = "0.2";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new BenchServer(process, folder, new Uri($"http://127.0.0.1:{port}"), databaseUrl);
        await server.SignInAsync();
        return server;
    }

    public Task<List<int>> AddReportsAsync(IReadOnlyList<string> texts) => BenchDatabase.AddReportsAsync(DatabaseUrl, texts);

    public void ResetPeak() => Interlocked.Exchange(ref _peakWorkingSet, 0);

    /// <summary>CPU time the server process has used so far (every thread).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private async Task SignInAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var login = await Client.PostAsJsonAsync("/api/v1/auth/login", new { username = Admin, password = Password });
                if (login.StatusCode == HttpStatusCode.OK)
                {
                    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
                    Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }

            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new InvalidOperationException("the server did not start");
            }

            await Task.Delay(200);
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                _process.Refresh();
                var now = _process.HasExited ? 0 : _process.WorkingSet64;
                if (now > Interlocked.Read(ref _peakWorkingSet))
                {
                    Interlocked.Exchange(ref _peakWorkingSet, now);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
