using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ReportLens.Data;
using ReportLens.Data.Backup;

namespace ReportLens.Server.Tests.Backup;

/// <summary>Fill, back up while a writer runs, wipe, restore, compare: the same story on every provider.</summary>
internal static class BackupScenario
{
    public const int SeededReports = 150;

    public static DatabaseBackup CreateBackup(DatabaseSettings settings, string? pgBinDirectory = null) =>
        new(settings, NullLogger<DatabaseBackup>.Instance, TimeProvider.System, new BackupToolOptions(pgBinDirectory));

    public static async Task RunAsync(DatabaseSettings settings, string backupPath, CancellationToken cancellationToken)
    {
        await BackupTestData.CreateSchemaAsync(settings, cancellationToken);
        await BackupTestData.SeedAsync(settings, SeededReports, cancellationToken);
        var seeded = await DatabaseSnapshot.OfSeededRowsAsync(settings, cancellationToken);
        var backup = CreateBackup(settings);

        int committedBeforeBackup, committedAfterBackup;
        await using (var writer = new BackgroundWriter(settings))
        {
            writer.Start();
            await writer.WaitForAsync(5, cancellationToken);
            committedBeforeBackup = writer.Committed;
            var result = await backup.BackupAsync(backupPath, cancellationToken);
            committedAfterBackup = writer.Committed;
            // The writer must have kept going across the backup, not been blocked into failure by it.
            await writer.WaitForAsync(committedAfterBackup + 5, cancellationToken);
            await writer.StopAsync();
            Assert.True(result.Bytes > 0);
            Assert.Equal(Path.GetFullPath(backupPath), result.Path);
        }

        await BackupTestData.WipeAsync(settings, cancellationToken);
        Assert.Equal(0, (await DatabaseSnapshot.OfSeededRowsAsync(settings, cancellationToken)).Reports);

        await backup.RestoreAsync(backupPath, cancellationToken);

        var restored = await DatabaseSnapshot.OfSeededRowsAsync(settings, cancellationToken);
        Assert.Equal((SeededReports, SeededReports * 2, SeededReports * 3), (seeded.Reports, seeded.Annotations, seeded.AuditEntries));
        Assert.Equal(seeded, restored);
        await AssertWriterPrefixAsync(settings, committedBeforeBackup, committedAfterBackup, cancellationToken);
    }

    /// <summary>
    /// The backup is one point in time: it holds writer transactions 1..k, each whole (report, annotation and
    /// audit together), with every commit that finished before the backup began and none begun after it ended.
    /// </summary>
    private static async Task AssertWriterPrefixAsync(DatabaseSettings settings, int before, int after, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        var accessions = await db.Reports.AsNoTracking().Where(r => r.AccessionNumber!.StartsWith("W-"))
            .OrderBy(r => r.AccessionNumber).Select(r => r.AccessionNumber!).ToListAsync(cancellationToken);
        var k = accessions.Count;
        Assert.InRange(k, before, after + 1);
        Assert.Equal(Enumerable.Range(1, k).Select(BackupTestData.WriterAccession), accessions);
        var annotations = await db.Annotations.CountAsync(a => a.Report!.AccessionNumber!.StartsWith("W-"), cancellationToken);
        var audits = await db.AuditEntries.CountAsync(a => a.Detail!.StartsWith("writer "), cancellationToken);
        Assert.Equal((k, k), (annotations, audits));
        var texts = await db.Reports.AsNoTracking().Where(r => r.AccessionNumber!.StartsWith("W-"))
            .OrderBy(r => r.AccessionNumber).Select(r => r.ReportContent).ToListAsync(cancellationToken);
        Assert.Equal(Enumerable.Range(1, k).Select(i => BackupTestData.Text(100_000 + i)), texts);
    }
}
