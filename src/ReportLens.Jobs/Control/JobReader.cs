using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Jobs.Control;

/// <summary>Reads jobs with their progress: item counts by state, rates and ETA.</summary>
public sealed class JobReader(IDbContextFactory<ReportLensDbContext> factory, TimeProvider time)
{
    public async Task<JobProgress?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? null : Describe(job, await CountsAsync(db, [id], ct), await ExpectedSecondsAsync(db, job, ct));
    }

    public async Task<IReadOnlyList<JobProgress>> ListAsync(JobStatus? status, int offset, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = db.Jobs.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(j => j.Status == status);
        }

        var jobs = await query.OrderByDescending(j => j.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var counts = await CountsAsync(db, [.. jobs.Select(j => j.Id)], ct);
        var expected = new Dictionary<long, double?>();
        foreach (var job in jobs.Where(j => j.StartedAt is null && !j.Status.IsFinished()))
        {
            expected[job.Id] = await ExpectedSecondsAsync(db, job, ct);
        }

        return [.. jobs.Select(j => Describe(j, counts, expected.GetValueOrDefault(j.Id)))];
    }

    public async Task<IReadOnlyList<JobItemView>?> ItemsAsync(long id, JobItemState? state, int offset, int limit, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.Jobs.AnyAsync(j => j.Id == id, ct))
        {
            return null;
        }

        var query = db.JobItems.AsNoTracking().Where(i => i.JobId == id);
        if (state is not null)
        {
            query = query.Where(i => i.State == state);
        }

        return await query.OrderBy(i => i.Id).Skip(offset).Take(limit)
            .Select(i => new JobItemView(i.Id, i.ReportId, i.State, i.Attempts, i.LastError, i.AnnotationId, i.NextAttemptAt, i.StartedAt, i.FinishedAt))
            .ToListAsync(ct);
    }

    /// <summary>Progress every <paramref name="interval"/> while it changes, ending with the job's final state.</summary>
    public async IAsyncEnumerable<JobProgress> WatchAsync(long id, TimeSpan interval, [EnumeratorCancellation] CancellationToken ct)
    {
        JobProgress? last = null;
        while (!ct.IsCancellationRequested)
        {
            var current = await GetAsync(id, ct);
            if (current is null)
            {
                yield break;
            }

            if (last is null || Changed(last, current))
            {
                yield return current;
            }

            if (current.Status.IsFinished())
            {
                yield break;
            }

            last = current;
            await Task.Delay(interval, time, ct);
        }
    }

    private static bool Changed(JobProgress a, JobProgress b) =>
        a.Status != b.Status || a.Succeeded != b.Succeeded || a.Failed != b.Failed || a.Running != b.Running
        || a.Pending != b.Pending || a.Cancelled != b.Cancelled;

    private static async Task<Dictionary<(long Job, JobItemState State), int>> CountsAsync(ReportLensDbContext db, long[] jobIds, CancellationToken ct)
    {
        var rows = await db.JobItems.Where(i => jobIds.Contains(i.JobId))
            .GroupBy(i => new { i.JobId, i.State })
            .Select(g => new { g.Key.JobId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.JobId, r.State), r => r.Count);
    }

    private const int RateSample = 200;

    private static async Task<double?> ExpectedSecondsAsync(ReportLensDbContext db, Job job, CancellationToken ct)
    {
        if (job.StartedAt is not null || job.Status.IsFinished())
        {
            return null;
        }

        // a job without a model runs on the default one, and the rules engine has none: any model's rate then
        var model = job.Engine == EngineKind.Rules ? null : job.Model;
        var durations = await db.Annotations.AsNoTracking()
            .Where(a => a.AnnotationType == job.AnnotationType && a.Engine == job.Engine && (model == null || a.ModelName == model)
                && a.Status == AnnotationStatus.Succeeded && !a.Cached)
            .OrderByDescending(a => a.Id).Take(RateSample).Select(a => a.DurationSeconds)
            .ToListAsync(ct);
        return durations.Count == 0 ? null : Math.Round(durations.Average() * job.Total, 1);
    }

    private JobProgress Describe(Job job, Dictionary<(long Job, JobItemState State), int> counts, double? expectedSeconds)
    {
        int Count(JobItemState state) => counts.GetValueOrDefault((job.Id, state));
        var succeeded = Count(JobItemState.Succeeded);
        var failed = Count(JobItemState.Failed);
        var running = Count(JobItemState.Running);
        var pending = Count(JobItemState.Pending);
        var elapsed = job.StartedAt is { } started ? (job.FinishedAt ?? time.GetUtcNow()) - started : TimeSpan.Zero;
        var perMinute = elapsed > TimeSpan.Zero ? (succeeded + failed) / elapsed.TotalMinutes : 0;
        double? eta = job.Status.IsFinished() ? 0 : perMinute > 0 ? (running + pending) / perMinute * 60 : null;
        return new JobProgress
        {
            JobId = job.Id,
            Status = job.Status,
            AnnotationType = job.AnnotationType,
            Engine = job.Engine,
            Model = job.Model,
            Temperature = job.Temperature,
            UserPrompt = job.UserPrompt,
            Total = job.Total,
            Succeeded = succeeded,
            Failed = failed,
            Running = running,
            Pending = pending,
            Cancelled = Count(JobItemState.Cancelled),
            ReportsPerMinute = Math.Round(perMinute, 2),
            TokensPerSecond = elapsed > TimeSpan.Zero ? Math.Round(job.OutputTokens / elapsed.TotalSeconds, 2) : 0,
            PromptTokens = job.PromptTokens,
            OutputTokens = job.OutputTokens,
            ThinkingTokens = job.ThinkingTokens,
            EtaSeconds = eta is { } e ? Math.Round(e, 1) : null,
            ExpectedSeconds = expectedSeconds,
            DurationSeconds = job.Status.IsFinished() && job.StartedAt is { } from && job.FinishedAt is { } to ? Math.Round((to - from).TotalSeconds, 1) : null,
            Filter = job.FilterJson is null ? null : JsonElement.Parse(job.FilterJson),
            CreatedBy = job.CreatedBy,
            EvaluationRunId = job.EvaluationRunId,
            CreatedAt = job.CreatedAt,
            StartedAt = job.StartedAt,
            FinishedAt = job.FinishedAt,
        };
    }
}
