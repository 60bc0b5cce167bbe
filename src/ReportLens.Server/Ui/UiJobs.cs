using System.Security.Claims;
using Microsoft.Extensions.Options;
using ReportLens.Core.Json;
using ReportLens.Application.Audit;
using ReportLens.Data.Entities;
using ReportLens.Jobs;
using ReportLens.Jobs.Control;
using ReportLens.Server.Analysis;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Jobs;
using ReportLens.Server.Security;

namespace ReportLens.Server.Ui;

/// <summary>The Jobs page's calls: the same checks, services and audit records as POST /api/v1/jobs and its controls.</summary>
public sealed class UiJobs(IServiceScopeFactory scopes, JobService jobs, JobReader reader, IOptions<JobOptions> options, BatchQuota quota)
{
    public Task<IReadOnlyList<JobProgress>> ListAsync(CancellationToken ct) => reader.ListAsync(null, 0, 50, ct);

    public Task<IReadOnlyList<JobItemView>?> FailedItemsAsync(long jobId, CancellationToken ct) => reader.ItemsAsync(jobId, JobItemState.Failed, 0, 200, ct);

    /// <summary>Starts a job over <paramref name="reportIds"/> or, when null, over <paramref name="filter"/>; the error is null on success.</summary>
    public async Task<(JobProgress? Job, string? Error)> StartAsync(
        AnalysisForm form, IReadOnlyList<int>? reportIds, JobFilter? filter, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = AnalysisOptionsParser.Check(form);
        if (parsed.ToJobSpec(form) is not { } spec)
        {
            return (null, string.Join("; ", parsed.Errors.SelectMany(e => e.Value)));
        }

        var max = options.Value.MaxItemsPerJob;
        var items = reportIds?.Count ?? 0;
        if (reportIds is not null)
        {
            if (reportIds.Count == 0 || reportIds.Count > max)
            {
                return (null, $"select 1 to {max} reports");
            }

            if (await jobs.MissingReportsAsync([.. reportIds], ct) is { Count: > 0 } missing)
            {
                return (null, $"no report with id {string.Join(", ", missing.Take(20))}");
            }
        }
        else
        {
            (items, var problem) = await jobs.CheckFilterAsync(filter ?? new JobFilter(), spec.Type, ct);
            if (problem is not null)
            {
                return (null, problem);
            }
        }

        var (job, rejection) = await quota.RunWithinAsync(user, items,
            () => jobs.CreateAsync(spec, reportIds, reportIds is null ? filter ?? new JobFilter() : null, user.UserId(), ct), ct);
        if (job is null)
        {
            return (null, rejection!.Message);
        }

        await AuditAsync(user, $"job {job.Id} created: {job.Total} reports, {job.AnnotationType.WireName()} by {job.Engine.WireName()} (web)", ct);
        return (await reader.GetAsync(job.Id, ct), null);
    }

    public async Task<ControlResult> CancelAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await jobs.CancelAsync(id, ct);
        await AuditAsync(user, $"job {id} cancel: {result} (web)", ct);
        return result;
    }

    public async Task<int> RetryFailedAsync(long id, ClaimsPrincipal user, CancellationToken ct)
    {
        var (result, retried) = await jobs.RetryFailedAsync(id, ct);
        await AuditAsync(user, $"job {id} retry failed: {result}, {retried} items (web)", ct);
        return retried;
    }

    private async Task AuditAsync(ClaimsPrincipal user, string detail, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        audit.Stage(user, AuditActions.Analyze, detail: detail);
        await scope.ServiceProvider.GetRequiredService<ReportLens.Data.ReportLensDbContext>().SaveChangesAsync(ct);
    }
}
