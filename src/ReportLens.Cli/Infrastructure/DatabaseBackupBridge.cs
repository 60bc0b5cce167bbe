namespace ReportLens.Cli.Infrastructure;

/// <summary>Hands `db backup`/`db restore` to ReportLens.Data's DatabaseBackup once that lands.</summary>
public static class DatabaseBackupBridge
{
    public static Task<int> BackupAsync(CliContext context, string output, CancellationToken cancellationToken)
    {
        _ = (context, output, cancellationToken);
        throw new CliException("db backup is not available in this build yet (ReportLens.Data.Backup has not landed)");
    }

    public static Task<int> RestoreAsync(CliContext context, string file, CancellationToken cancellationToken)
    {
        _ = (context, file, cancellationToken);
        throw new CliException("db restore is not available in this build yet (ReportLens.Data.Backup has not landed)");
    }
}
