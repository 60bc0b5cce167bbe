using Microsoft.Extensions.Logging;

namespace ReportLens.Data.Backup;

/// <summary>
/// <c>reportlens db backup</c> / <c>db restore</c>: SQLite through its online backup API (safe while the server
/// writes), PostgreSQL through pg_dump -Fc / pg_restore. A backup appears under its final name only once complete
/// and verified; a restore starts only after the file has been verified.
/// </summary>
public sealed class DatabaseBackup(
    DatabaseSettings settings, ILogger<DatabaseBackup> logger, TimeProvider time, BackupToolOptions? tools = null)
{
    /// <summary>A file name such as reportlens-20261125T020000Z.db (SQLite) or .dump (PostgreSQL custom format).</summary>
    public string DefaultFileName() =>
        $"reportlens-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}{(settings.Provider == DatabaseProvider.Postgres ? ".dump" : ".db")}";

    public async Task<BackupResult> BackupAsync(string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        var started = time.GetTimestamp();
        try
        {
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                var pg = new PostgresBackup(settings.ConnectionString, tools?.PgBinDirectory);
                await pg.DumpAsync(partial, cancellationToken);
                await pg.VerifyArchiveAsync(partial, cancellationToken);
            }
            else
            {
                await SqliteBackup.CopyAsync(settings.ConnectionString, partial, cancellationToken);
                await SqliteBackup.VerifyAsync(partial, cancellationToken);
            }

            File.Move(partial, destination, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        var result = new BackupResult(destination, settings.Provider, new FileInfo(destination).Length, time.GetElapsedTime(started));
        logger.LogInformation("Backup of {Provider} database written: {Bytes} bytes in {Seconds:F1} s",
            result.Provider, result.Bytes, result.Duration.TotalSeconds);
        return result;
    }

    /// <summary>
    /// Replaces the live database's content with the backup's. Refused while a server runs on the database: writes
    /// it acknowledged during the restore would be silently lost (<see cref="ServerLock"/>).
    /// </summary>
    public async Task RestoreAsync(string backupPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);
        var source = Path.GetFullPath(backupPath);
        if (!File.Exists(source))
        {
            throw new DatabaseBackupException($"Backup file not found: {source}");
        }

        await using var exclusive = await ServerLock.TryAcquireAsync(settings, exclusive: true, cancellationToken)
            ?? throw new DatabaseBackupException(
                "a ReportLens server is running on this database; writes it accepts during a restore would be lost. "
                + "Stop it first (systemctl stop reportlens / docker compose stop reportlens), then restore and start it again");

        var started = time.GetTimestamp();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var pg = new PostgresBackup(settings.ConnectionString, tools?.PgBinDirectory);
            await pg.VerifyArchiveAsync(source, cancellationToken);
            await pg.RestoreAsync(source, cancellationToken);
        }
        else
        {
            await SqliteBackup.VerifyAsync(source, cancellationToken);
            await SqliteBackup.RestoreAsync(source, settings.ConnectionString, cancellationToken);
        }

        logger.LogInformation("Restore of {Provider} database finished in {Seconds:F1} s",
            settings.Provider, time.GetElapsedTime(started).TotalSeconds);
    }
}
