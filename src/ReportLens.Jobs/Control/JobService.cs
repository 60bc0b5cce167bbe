using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Workers;
using ReportLens.Application.Analysis;

namespace ReportLens.Jobs.Control;

/// <summary>Creates jobs (items inserted in batches, with the job, in one transaction) and controls them.</summary>
public sealed class JobService(
    IDbContextFactory<ReportLensDbContext> factory,
    IReportAnalyzer analyzer,
    JobSignal signal,
    IOptions<JobOptions> options,
    TimeProvider time)
{
    public const int InsertBatchSize = 1000;

    /// <summary>The ids among <paramref name="reportIds"/> that name no (undeleted) report.</summary>
    public async Task<IReadOnlyList<int>> MissingReportsAsync(IReadOnlyCollection<int> reportIds, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await db.Reports.Where(r => reportIds.Contains(r.Id) && !r.IsDeleted).Select(r => r.Id).ToListAsync(ct);
        return [.. reportIds.Except(found)];
    }

    /// <summary>How many reports <paramref name="filter"/> selects for a job of <paramref name="type"/>.</summary>
    private async Task<int> CountAsync(JobFilter filter, AnnotationType type, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await Select(db, filter, type).CountAsync(ct);
    }

    /// <summary>
    /// How many reports <paramref name="filter"/> selects, and why no job can be made of them (none, or more than
    /// Jobs:MaxItemsPerJob); the problem is null when the job can be created.
    /// </summary>
    public async Task<(int Count, string? Problem)> CheckFilterAsync(JobFilter filter, AnnotationType type, CancellationToken ct)
    {
        var count = await CountAsync(filter, type, ct);
        var max = options.Value.MaxItemsPerJob;
        return count switch
        {
            0 when filter.NotAnalysedWithType => (0, $"the filter selects no reports: none match it, or every match already has a {type.ToWire()} annotation (not_analysed_with_type)"),
            0 => (0, "the filter selects no reports"),
            _ when count > max => (count, $"the filter selects more than {max} reports (Jobs:MaxItemsPerJob); narrow it"),
            _ => (count, null),
        };
    }

    public async Task<Job> CreateAsync(JobSpec spec, IReadOnlyCollection<int>? reportIds, JobFilter? filter, int? userId, CancellationToken ct)
    {
        var engine = spec.Engine ?? await analyzer.DefaultEngineAsync(ct);
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        List<int> ids = reportIds is not null
            ? [.. reportIds.Distinct()]
            : await Select(db, filter ?? new JobFilter(), spec.Type).OrderBy(r => r.Id).Select(r => r.Id)
                .Take(options.Value.MaxItemsPerJob).ToListAsync(ct);
        var job = new Job
        {
            AnnotationType = spec.Type,
            UserPrompt = spec.UserPrompt,
            Engine = engine,
            Model = spec.Model,
            Temperature = spec.Temperature,
            BypassCache = spec.BypassCache,
            Status = ids.Count == 0 ? JobStatus.Completed : JobStatus.Queued,
            Total = ids.Count,
            FilterJson = filter is null ? null : JsonSerializer.Serialize(filter, ReportLensJson.Options),
            CreatedBy = userId,
            CreatedAt = now,
            UpdatedAt = now,
            FinishedAt = ids.Count == 0 ? now : null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in ids.Chunk(InsertBatchSize))
        {
            db.JobItems.AddRange(chunk.Select(id => new JobItem { JobId = job.Id, ReportId = id, State = JobItemState.Pending }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(ct);
        signal.Notify();
        return job;
    }

    /// <summary>Cancels the job: pending items are cancelled; items already running finish and are kept.</summary>
    public async Task<ControlResult> CancelAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Jobs.Where(j => j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running || j.Status == JobStatus.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
        if (changed == 0)
        {
            return await ExistsAsync(db, id, ct) ? ControlResult.Conflict : ControlResult.NotFound;
        }

        var cancelled = await db.JobItems.Where(i => i.JobId == id && i.State == JobItemState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, JobItemState.Cancelled).SetProperty(i => i.FinishedAt, now), ct);
        await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Cancelled, j => j.Cancelled + cancelled), ct);
        await transaction.CommitAsync(ct);
        return ControlResult.Done;
    }

    public async Task<ControlResult> PauseAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Jobs.Where(j => j.Id == id && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Paused).SetProperty(j => j.UpdatedAt, now), ct);
        return changed == 1 ? ControlResult.Done : await ExistsAsync(db, id, ct) ? ControlResult.Conflict : ControlResult.NotFound;
    }

    public async Task<ControlResult> ResumeAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var changed = await db.Jobs.Where(j => j.Id == id && j.Status == JobStatus.Paused)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, j => j.StartedAt == null ? JobStatus.Queued : JobStatus.Running)
                .SetProperty(j => j.UpdatedAt, now), ct);
        if (changed == 0)
        {
            return await ExistsAsync(db, id, ct) ? ControlResult.Conflict : ControlResult.NotFound;
        }

        signal.Notify();
        return ControlResult.Done;
    }

    /// <summary>
    /// Puts failed items back in the queue with fresh attempts. A failed annotation they left stays (for audit)
    /// but is detached from its item, so the retry's annotation can take the item's one place.
    /// </summary>
    public async Task<(ControlResult Result, int Retried)> RetryFailedAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var status = await db.Jobs.Where(j => j.Id == id).Select(j => (JobStatus?)j.Status).SingleOrDefaultAsync(ct);
        if (status is null || status == JobStatus.Cancelled)
        {
            return (status is null ? ControlResult.NotFound : ControlResult.Conflict, 0);
        }

        var now = time.GetUtcNow();
        var failedItems = db.JobItems.Where(i => i.JobId == id && i.State == JobItemState.Failed);
        await db.Annotations.Where(a => a.JobId == id && a.Status == AnnotationStatus.Failed && failedItems.Any(i => i.Id == a.JobItemId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.JobItemId, (long?)null), ct);
        var retried = await failedItems.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.State, JobItemState.Pending)
            .SetProperty(i => i.Attempts, 0)
            .SetProperty(i => i.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(i => i.AnnotationId, (long?)null)
            .SetProperty(i => i.FinishedAt, (DateTimeOffset?)null), ct);
        if (retried > 0)
        {
            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Failed, j => j.Failed - retried)
                .SetProperty(j => j.Status, j => j.Status == JobStatus.Completed || j.Status == JobStatus.CompletedWithErrors ? JobStatus.Running : j.Status)
                .SetProperty(j => j.FinishedAt, j => j.Status == JobStatus.Completed || j.Status == JobStatus.CompletedWithErrors ? null : j.FinishedAt)
                .SetProperty(j => j.UpdatedAt, now), ct);
        }

        await transaction.CommitAsync(ct);
        signal.Notify();
        return (ControlResult.Done, retried);
    }

    private static IQueryable<Report> Select(ReportLensDbContext db, JobFilter filter, AnnotationType type)
    {
        var query = db.Reports.Where(r => !r.IsDeleted);
        if (filter.Modality is { } modality)
        {
            query = query.Where(r => r.Modality == modality);
        }

        if (filter.BodyPart is { } bodyPart)
        {
            query = query.Where(r => r.BodyPart == bodyPart);
        }

        if (filter.DateFrom is { } from)
        {
            query = query.Where(r => r.ExamDate >= from);
        }

        if (filter.DateTo is { } to)
        {
            query = query.Where(r => r.ExamDate <= to);
        }

        if (filter.NotAnalysedWithType)
        {
            query = query.Where(r => !r.Annotations.Any(a => a.AnnotationType == type && a.Status == AnnotationStatus.Succeeded));
        }

        return query;
    }

    private static Task<bool> ExistsAsync(ReportLensDbContext db, long id, CancellationToken ct) => db.Jobs.AnyAsync(j => j.Id == id, ct);
}
