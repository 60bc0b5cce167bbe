using Microsoft.EntityFrameworkCore;
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
    public static async Task<List<int>> AddReportsAsync(string databaseUrl, IReadOnlyList<string> texts)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(databaseUrl));
        var now = DateTimeOffset.UtcNow;
        var reports = texts.Select(t => new Report
        {
            ReportContent = t,
            Language = "zh",
            ContentHash = ContentHash.Of(t),
            Modality = "CT",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return [.. reports.Select(r => r.Id)];
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
