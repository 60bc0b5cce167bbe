using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ReportLens.Core.Json;
using ReportLens.Application.Audit;
using ReportLens.Jobs;
using ReportLens.Jobs.Control;
using ReportLens.Server.Analysis;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Security;

namespace ReportLens.Server.Jobs;

/// <summary>POST /api/v1/ai/batch-analyze (≤ 50 ids, the compatible shape) and POST /api/v1/jobs (ids or a filter, thousands).</summary>
internal static class JobCreationEndpoints
{
    public const int MaxBatchReports = 50;

    public static async Task<Results<Ok<BatchAnalyzeResponse>, ValidationProblem, ProblemHttpResult>> BatchAnalyzeAsync(
        BatchAnalyzeRequest request, JobService jobs, AuditLog audit, BatchQuota quota, HttpContext http, CancellationToken ct)
    {
        var parsed = AnalysisOptionsParser.Check(request);
        var errors = parsed.Errors;
        var spec = parsed.ToJobSpec(request);
        if (request.ReportIds.Count > MaxBatchReports)
        {
            errors["report_ids"] = [$"at most {MaxBatchReports} reports per batch (got {request.ReportIds.Count}); use POST /api/v1/jobs for more"];
        }
        else if (await jobs.MissingReportsAsync(request.ReportIds, ct) is { Count: > 0 } missing)
        {
            errors["report_ids"] = [$"no report with id {string.Join(", ", missing.Take(20))}"];
        }

        if (errors.Count > 0 || spec is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (job, rejection) = await quota.RunWithinAsync(http.User, request.ReportIds.Count,
            () => jobs.CreateAsync(spec, request.ReportIds, filter: null, http.User.UserId(), ct), ct);
        if (rejection is { RetryAfter: null })
        {
            return Problems.Validation("report_ids", rejection.Message);
        }

        if (job is null)
        {
            return TooManyRequests.Problem(http, rejection!.Message, rejection.RetryAfter);
        }

        await audit.WriteAsync(AuditActions.Analyze, detail: $"job {job.Id} created: {job.Total} reports, {job.AnnotationType.WireName()} by {job.Engine.WireName()}", ct: ct);
        return TypedResults.Ok(new BatchAnalyzeResponse("processing", $"Batch analysis started for {job.Total} reports", job.Total, job.Id));
    }

    public static async Task<Results<Created<JobProgress>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateJobRequest request, JobService jobs, JobReader reader, AuditLog audit, IOptions<JobOptions> options, BatchQuota quota,
        HttpContext http, CancellationToken ct)
    {
        var parsed = AnalysisOptionsParser.Check(request);
        var errors = parsed.Errors;
        var spec = parsed.ToJobSpec(request);
        var max = options.Value.MaxItemsPerJob;
        JobFilter? filter = null;
        var items = request.ReportIds?.Count ?? 0;
        if ((request.ReportIds is null) == (request.Filter is null))
        {
            errors["report_ids"] = ["give either report_ids or filter"];
        }
        else if (request.ReportIds is { } ids)
        {
            if (ids.Count == 0 || ids.Count > max)
            {
                errors["report_ids"] = [$"report_ids must list 1 to {max} report ids"];
            }
            else if (await jobs.MissingReportsAsync(ids, ct) is { Count: > 0 } missing)
            {
                errors["report_ids"] = [$"no report with id {string.Join(", ", missing.Take(20))}"];
            }
        }
        else if (request.Filter is { } f)
        {
            filter = new JobFilter
            {
                Modality = Blank(f.Modality),
                BodyPart = Blank(f.BodyPart),
                DateFrom = f.DateFrom,
                DateTo = f.DateTo,
                NotAnalysedWithType = f.NotAnalysedWithType ?? false,
            };
            if (f.DateFrom > f.DateTo)
            {
                errors["filter.date_from"] = ["date_from must not be after date_to"];
            }
            else if (spec is not null && await jobs.CheckFilterAsync(filter, spec.Type, ct) is var (count, problem))
            {
                items = count;
                if (problem is not null)
                {
                    errors["filter"] = [problem];
                }
            }
        }

        if (errors.Count > 0 || spec is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (job, rejection) = await quota.RunWithinAsync(http.User, items,
            () => jobs.CreateAsync(spec, request.ReportIds, filter, http.User.UserId(), ct), ct);
        if (rejection is { RetryAfter: null })
        {
            return Problems.Validation(filter is null ? "report_ids" : "filter", rejection.Message);
        }

        if (job is null)
        {
            return TooManyRequests.Problem(http, rejection!.Message, rejection.RetryAfter);
        }

        await audit.WriteAsync(AuditActions.Analyze, detail: $"job {job.Id} created: {job.Total} reports, {job.AnnotationType.WireName()} by {job.Engine.WireName()}", ct: ct);
        return TypedResults.Created($"/api/v1/jobs/{job.Id}", await reader.GetAsync(job.Id, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
