using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Audit;
using ReportLens.Application.Import;
using ReportLens.Core.Interop;
using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Bench;

/// <summary>One item of a finished job as its database recorded it: claimed, finished, and the engine's own time.</summary>
internal sealed record ItemTiming(DateTimeOffset Started, DateTimeOffset Finished, double EngineSeconds);

/// <summary>A finished job read back from its database: the wall time is its own started → finished.</summary>
internal sealed record JobRun(long Id, int Total, int Succeeded, DateTimeOffset Started, DateTimeOffset Finished, IReadOnlyList<ItemTiming> Items)
{
    public double WallSeconds => (Finished - Started).TotalSeconds;

    public double ReportsPerSecond => Succeeded / WallSeconds;
}

/// <summary>Reads and writes a benchmark's database directly (reports in, a job's timings out), outside the timed paths.</summary>
internal static class BenchDatabase
{
    /// <summary>
    /// Stores the texts through the product's import (the one home for adding reports; a local command's actor),
    /// outside the timed paths, and returns their ids in the texts' order. The texts must be distinct.
    /// </summary>
    public static async Task<List<int>> AddReportsAsync(string databaseUrl, IReadOnlyList<string> texts)
    {
        var settings = DatabaseSettings.Parse(databaseUrl);
        await using (var services = new ServiceCollection().AddReportLensData(settings).BuildServiceProvider())
        {
            var import = new ImportReports(services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>(), TimeProvider.System);
            await import.RunAsync([.. texts.Select(t => new ImportedReport { Text = t, Language = "zh", Modality = "CT" })], Actor.CommandLine(), CancellationToken.None);
        }

        var hashes = texts.Select(ContentHash.Of).ToList();
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        var ids = await db.Reports.Where(r => hashes.Contains(r.ContentHash)).ToDictionaryAsync(r => r.ContentHash, r => r.Id);
        return [.. hashes.Select(h => ids[h])];
    }

    /// <summary>The newest job of the database (the CLI names its job only on stderr).</summary>
    public static async Task<long> LatestJobIdAsync(string databaseUrl)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(databaseUrl));
        return await db.Jobs.MaxAsync(j => j.Id);
    }

    public static async Task<JobRun> ReadJobAsync(string databaseUrl, long jobId)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(databaseUrl));
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
        if (job.StartedAt is not { } started || job.FinishedAt is not { } finished)
        {
            throw new InvalidOperationException($"job {jobId} has not finished ({job.Status})");
        }

        var items = await db.JobItems.AsNoTracking().Where(i => i.JobId == jobId && i.State == JobItemState.Succeeded)
            .Join(db.Annotations, i => i.AnnotationId, a => a.Id, (i, a) => new { i.StartedAt, i.FinishedAt, a.DurationSeconds })
            .ToListAsync();
        return new JobRun(job.Id, job.Total, job.Succeeded, started, finished,
            [.. items.Select(i => new ItemTiming(i.StartedAt!.Value, i.FinishedAt!.Value, i.DurationSeconds)).OrderBy(i => i.Started)]);
    }
}
