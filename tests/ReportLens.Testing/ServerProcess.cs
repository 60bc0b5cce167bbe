using System.Diagnostics;
using System.Net;
using System.Text;

namespace ReportLens.Testing;

/// <summary>
/// The built server (ReportLens.Server.dll) as a separate OS process on a free loopback port: for start-up failures,
/// crash and restart, several processes, and CLI commands run beside a server.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri? BaseAddress { get; }

    public string StandardOutput { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string StandardError { get { lock (_stderr) { return _stderr.ToString(); } } }

    /// <summary>The server's process id (for what only the operating system can tell, such as its open handles).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ServerProcess Start(IReadOnlyDictionary<string, string?> environment, bool listen = true, string? workingDirectory = null)
    {
        var port = listen ? FreePort.Next() : 0;
        var info = new ProcessStartInfo("dotnet", [RepoPaths.ServerDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.Environment["ASPNETCORE_URLS"] = listen ? $"http://127.0.0.1:{port}" : "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(process, listen ? new Uri($"http://127.0.0.1:{port}") : null);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (server._stdout) { server._stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (server._stderr) { server._stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until /health/live answers.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode}: {StandardError}");
            }

            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"server did not become ready: {StandardError}");
    }

    /// <summary>SIGTERM, as <c>docker stop</c> and systemd send it: the host's graceful shutdown.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
