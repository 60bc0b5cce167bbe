using Microsoft.Data.Sqlite;
using ReportLens.Data;
using ReportLens.Data.Backup;

namespace ReportLens.Server.Tests.Backup;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reportlens-backup-");

    private DatabaseSettings Settings => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "live.db")}");

    private string BackupPath => Path.Combine(_folder.FullName, "backups", "reportlens.db");

    [Fact]
    public async Task BackupRestore_WhileServerWrites_RestoresEveryRowPresentAtBackupTime()
    {
        await BackupScenario.RunAsync(Settings, BackupPath, TestContext.Current.CancellationToken);

        Assert.False(File.Exists(BackupPath + ".partial"));
    }

    [Fact]
    public async Task Restore_AfterLiveFileDeleted_RecreatesTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await BackupTestData.CreateSchemaAsync(Settings, ct);
        await BackupTestData.SeedAsync(Settings, 20, ct);
        var before = await DatabaseSnapshot.OfSeededRowsAsync(Settings, ct);
        var backup = BackupScenario.CreateBackup(Settings);
        await backup.BackupAsync(BackupPath, ct);
        SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(_folder.FullName, "live.db"));

        await backup.RestoreAsync(BackupPath, ct);

        Assert.Equal(before, await DatabaseSnapshot.OfSeededRowsAsync(Settings, ct));
    }

    [Fact]
    public async Task Restore_CorruptFile_ThrowsAndLeavesLiveDatabaseUntouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await BackupTestData.CreateSchemaAsync(Settings, ct);
        await BackupTestData.SeedAsync(Settings, 10, ct);
        var before = await DatabaseSnapshot.OfSeededRowsAsync(Settings, ct);
        var backup = BackupScenario.CreateBackup(Settings);
        await backup.BackupAsync(BackupPath, ct);
        var bytes = await File.ReadAllBytesAsync(BackupPath, ct);
        await File.WriteAllBytesAsync(BackupPath, bytes[..(bytes.Length / 3)], ct);

        var error = await Assert.ThrowsAsync<DatabaseBackupException>(() => backup.RestoreAsync(BackupPath, ct));

        Assert.Contains(BackupPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.OfSeededRowsAsync(Settings, ct));
    }

    [Fact]
    public async Task Restore_SqliteFileWithoutReportLensSchema_IsRejected()
    {
        var ct = TestContext.Current.CancellationToken;
        var foreign = Path.Combine(_folder.FullName, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t(x)";
            await create.ExecuteNonQueryAsync(ct);
        }

        var error = await Assert.ThrowsAsync<DatabaseBackupException>(() => BackupScenario.CreateBackup(Settings).RestoreAsync(foreign, ct));

        Assert.Contains("not a ReportLens database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WhenLiveDatabaseMissing_ThrowsAndWritesNoFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder.FullName, "absent.db")}");

        await Assert.ThrowsAsync<DatabaseBackupException>(() => BackupScenario.CreateBackup(settings).BackupAsync(BackupPath, ct));

        Assert.False(File.Exists(BackupPath));
        Assert.False(File.Exists(BackupPath + ".partial"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
