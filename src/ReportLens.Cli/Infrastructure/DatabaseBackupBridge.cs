using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ReportLens.Data.Backup;

namespace ReportLens.Cli.Infrastructure;

/// <summary>`db backup` / `db restore` through ReportLens.Data's DatabaseBackup (SQLite online backup; pg_dump/pg_restore).</summary>
public static class DatabaseBackupBridge
{
    public static async Task<int> BackupAsync(CliContext context, string output, CancellationToken cancellationToken)
    {
        Databases.EnsureExists(context);
        var result = await RunAsync(() => Create(context).BackupAsync(output, cancellationToken));
        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"backup written: {result.Path} ({result.Bytes} bytes, {result.Duration.TotalSeconds:0.0}s)"));
        return ExitCodes.Success;
    }

    public static async Task<int> RestoreAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CliException($"file not found: {file}");
        }

        await RunAsync(async () =>
        {
            await Create(context).RestoreAsync(file, cancellationToken);
            return true;
        });
        await context.Error.WriteLineAsync($"database restored from {file}");
        return ExitCodes.Success;
    }

    private static DatabaseBackup Create(CliContext context) =>
        new(context.Database, NullLogger<DatabaseBackup>.Instance, context.Time,
            new BackupToolOptions(Environment.GetEnvironmentVariable("PG_BIN_DIR")));

    private static async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (DatabaseBackupException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }
    }
}
