using ReportLens.Data;
using ReportLens.Data.Backup;

namespace ReportLens.Server.Tests.Backup;

public sealed class PostgresBackupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("reportlens-pgbackup-");

    private string BackupPath => Path.Combine(_folder.FullName, "reportlens.dump");

    [Fact]
    public async Task BackupRestore_WhileServerWrites_RestoresEveryRowPresentAtBackupTime()
    {
        TestDatabase.SkipUnlessPostgres();
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreatePostgresAsync();

        await BackupScenario.RunAsync(database.Settings, BackupPath, ct);
    }

    [Fact]
    public async Task Restore_TruncatedDump_ThrowsBeforeTouchingTheDatabase()
    {
        TestDatabase.SkipUnlessPostgres();
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreatePostgresAsync();
        await BackupTestData.CreateSchemaAsync(database.Settings, ct);
        await BackupTestData.SeedAsync(database.Settings, 10, ct);
        var before = await DatabaseSnapshot.OfSeededRowsAsync(database.Settings, ct);
        var backup = BackupScenario.CreateBackup(database.Settings);
        await backup.BackupAsync(BackupPath, ct);
        var bytes = await File.ReadAllBytesAsync(BackupPath, ct);
        await File.WriteAllBytesAsync(BackupPath, bytes[..(bytes.Length / 2)], ct);

        var error = await Assert.ThrowsAsync<DatabaseBackupException>(() => backup.RestoreAsync(BackupPath, ct));

        Assert.StartsWith("pg_restore failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseSnapshot.OfSeededRowsAsync(database.Settings, ct));
    }

    [Fact]
    public async Task Backup_WhenPgDumpIsMissing_ThrowsAnActionableErrorWithoutThePassword()
    {
        var settings = new DatabaseSettings(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=reportlens;Username=rl;Password=s3cret-pw");
        var backup = BackupScenario.CreateBackup(settings, pgBinDirectory: Path.Combine(_folder.FullName, "no-such-bin"));

        var error = await Assert.ThrowsAsync<DatabaseBackupException>(() => backup.BackupAsync(BackupPath, TestContext.Current.CancellationToken));

        Assert.Contains("pg_dump was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql-client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(BackupPath));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
