using System.Diagnostics;

namespace ReportLens.Bench;

/// <summary>The built `reportlens` CLI as its own process (so its JIT and memory are its own, as the server's are).</summary>
internal static class BenchCli
{
    /// <summary>Runs the CLI to its end; its output is read and dropped (progress bars, counts). Throws on a non-zero exit.</summary>
    public static async Task<TimeSpan> RunAsync(string root, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = RepoRoot.BuiltDll(root, "ReportLens.Cli", "reportlens.dll");
        var info = new ProcessStartInfo("dotnet", [dll, .. args]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"reportlens {args[0]} exited with {process.ExitCode}: {(await error)[^Math.Min(500, (await error).Length)..]}");
        }

        return watch.Elapsed;
    }
}
