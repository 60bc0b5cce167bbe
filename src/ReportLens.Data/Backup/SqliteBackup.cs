using Microsoft.Data.Sqlite;

namespace ReportLens.Data.Backup;

internal static class SqliteBackup
{
    public static Task CopyAsync(string liveConnectionString, string targetPath, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            using var live = OpenLive(liveConnectionString);
            using var target = Open(FileConnectionString(targetPath, SqliteOpenMode.ReadWriteCreate), readOnly: false);
            // One sqlite3_backup_step(-1) under a read transaction: a consistent snapshot; writers wait on the
            // busy timeout (rollback journal) or carry on (WAL) instead of corrupting the copy.
            live.BackupDatabase(target);
        }, cancellationToken);

    public static Task RestoreAsync(string backupPath, string liveConnectionString, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            using var backup = Open(FileConnectionString(backupPath, SqliteOpenMode.ReadOnly), readOnly: true);
            using var live = Open(liveConnectionString, readOnly: false);
            // The backup API writes page by page under an exclusive lock, so connections that stay open
            // (a running server's pool) see the restored content on their next statement.
            backup.BackupDatabase(live);
        }, cancellationToken);

    public static Task VerifyAsync(string path, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            try
            {
                using var connection = Open(FileConnectionString(path, SqliteOpenMode.ReadOnly), readOnly: true);
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var verdict = check.ExecuteScalar() as string;
                if (verdict != "ok")
                {
                    throw new DatabaseBackupException($"SQLite backup {path} failed integrity_check: {verdict}");
                }

                check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'reports'";
                if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 1)
                {
                    throw new DatabaseBackupException($"{path} is a SQLite file but not a ReportLens database (no reports table)");
                }
            }
            catch (SqliteException e)
            {
                throw new DatabaseBackupException($"{path} is not a readable SQLite database: {e.Message}", e);
            }
        }, cancellationToken);

    private static SqliteConnection OpenLive(string connectionString)
    {
        try
        {
            return Open(connectionString, readOnly: true);
        }
        catch (SqliteException e)
        {
            throw new DatabaseBackupException($"Cannot open the live SQLite database to back it up: {e.Message}", e);
        }
    }

    private static string FileConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    private static SqliteConnection Open(string connectionString, bool readOnly)
    {
        // Pooling off: a pooled handle would keep the backup file open (and locked on Windows) after we return.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        if (readOnly && builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }
}
