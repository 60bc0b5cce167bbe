using System.Diagnostics;
using System.Text.RegularExpressions;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>
/// Debian's nginx running deploy/nginx/nginx.conf, rewritten only where a test must: the upstream points at the
/// test server, the listeners at free loopback ports, certificates (self-signed), logs and temp files at a temp folder.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private readonly string _dir;
    private readonly Process _process;

    private NginxProxy(string dir, Process process, int httpsPort, int httpPort)
    {
        _dir = dir;
        _process = process;
        HttpsAddress = new Uri($"https://127.0.0.1:{httpsPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri HttpsAddress { get; }

    public Uri HttpAddress { get; }

    /// <summary>Skips the test when nginx is absent on a developer machine; under CI (CI set) its absence fails the test.</summary>
    public static void RequireInstalled()
    {
        if (File.Exists(Binary))
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"nginx is not installed at {Binary}; CI must install it (apt-get install nginx, see .ci/run)");
        }

        Assert.Skip($"nginx is not installed at {Binary} (apt-get install nginx)");
    }

    public static async Task<NginxProxy> StartAsync(Uri upstream)
    {
        var dir = Directory.CreateTempSubdirectory("reportlens-nginx-").FullName;
        // nginx's workers drop to an unprivileged user when started as root; they must reach the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        }
        Directory.CreateDirectory(Path.Combine(dir, "logs"));
        await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=reportlens.test",
            "-keyout", Path.Combine(dir, "privkey.pem"), "-out", Path.Combine(dir, "fullchain.pem")]);
        var (https, http) = (FreePort.Next(), FreePort.Next());
        var config = Rewrite(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "nginx", "nginx.conf")), dir, upstream, https, http);
        await File.WriteAllTextAsync(Path.Combine(dir, "nginx.conf"), config);

        var info = new ProcessStartInfo(Binary, ["-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-e", Path.Combine(dir, "logs", "error.log"), "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(info)!;
        var proxy = new NginxProxy(dir, process, https, http);
        await proxy.WaitUntilListeningAsync(https);
        return proxy;
    }

    /// <summary>The deployed file with only host-specific lines changed; everything a request meets is as shipped.</summary>
    internal static string Rewrite(string config, string dir, Uri upstream, int httpsPort, int httpPort)
    {
        var rewritten = config
            .Replace("server reportlens:8080;", $"server {upstream.Host}:{upstream.Port};", StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/", dir + "/", StringComparison.Ordinal)
            .Replace("/var/log/nginx/", dir + "/logs/", StringComparison.Ordinal)
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("http {", $"http {{\n    client_body_temp_path {dir}/body; proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;", StringComparison.Ordinal);
        rewritten = PidLine().Replace(rewritten, $"pid {dir}/nginx.pid;");
        rewritten = Ipv6Listen().Replace(rewritten, "");
        Assert.DoesNotContain("reportlens:8080", rewritten);
        Assert.Contains($"127.0.0.1:{httpsPort} ssl", rewritten);
        return rewritten;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not start listening");
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await error}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // The whole tree: a SIGKILLed master leaves its workers running (orphaned, still listening).
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [GeneratedRegex(@"^pid .*;$", RegexOptions.Multiline)]
    private static partial Regex PidLine();

    [GeneratedRegex(@"^\s*listen \[::\]:\d+.*;$", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();
}
