using System.ComponentModel;
using System.Diagnostics;

namespace ReportLens.Data.Backup;

internal static class ToolProcess
{
    public static async Task<ToolResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var tool = Path.GetFileName(fileName);
            throw new DatabaseBackupException(
                $"{tool} was not found ({fileName}). Install the PostgreSQL client tools, at least the server's major " +
                $"version (Debian/Ubuntu: apt-get install postgresql-client), or set PG_BIN_DIR to the folder holding {tool}.", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout;
        return new ToolResult(process.ExitCode, await stderr);
    }
}
