using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Application.Audit;
using ReportLens.Application.CriticalFindings;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;

namespace ReportLens.Server.CriticalFindings;

/// <summary>
/// Critical-finding cases: any role lists them; radiologists and admins acknowledge them (note optional) or dismiss
/// them as false alarms (reason required). A closed case answers 409.
/// </summary>
public static class CriticalFindingsApi
{
    public static IEndpointRouteBuilder MapCriticalFindingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/critical-findings").WithTags("Critical findings");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.Read)
            .WithName("ListCriticalFindings").WithSummary("Critical-finding cases, newest first (state, page, page_size)");
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.Write)
            .WithName("AcknowledgeCriticalFinding").WithSummary("A radiologist has seen the critical finding and acts on it")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/dismiss", DismissAsync).RequireAuthorization(Policies.Write)
            .WithName("DismissCriticalFinding").WithSummary("The critical finding is a false alarm (reason required)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Results<Ok<CriticalCasePage>, ValidationProblem>> ListAsync(
        [FromQuery] string? state, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize, CriticalCases cases, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToLowerInvariant();
        if (wanted is not null && !CriticalCaseState.All.Contains(wanted))
        {
            return Problems.Validation("state", $"state must be one of {string.Join(", ", CriticalCaseState.All)}");
        }

        var (p, size) = (page ?? 1, pageSize ?? ReportQueries.DefaultPageSize);
        if (p < 1 || size < 1 || size > ReportQueries.MaxPageSize)
        {
            return Problems.Validation("page", $"page must be ≥ 1 and page_size between 1 and {ReportQueries.MaxPageSize}");
        }

        return TypedResults.Ok(await cases.ListAsync(wanted is null ? null : [wanted], p, size, ct));
    }

    internal static Task<Results<Ok<CriticalCaseView>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        long id, CloseCaseRequest? request, CriticalCases cases, HttpContext http, CancellationToken ct) =>
        CloseAsync(id, CriticalCaseState.Acknowledged, "note", request?.Note, cases, http, ct);

    internal static Task<Results<Ok<CriticalCaseView>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        long id, CloseCaseRequest? request, CriticalCases cases, HttpContext http, CancellationToken ct) =>
        CloseAsync(id, CriticalCaseState.Dismissed, "reason", request?.Reason, cases, http, ct);

    private static async Task<Results<Ok<CriticalCaseView>, ValidationProblem, ProblemHttpResult>> CloseAsync(long id, string state,
        string field, string? text, CriticalCases cases, HttpContext http, CancellationToken ct)
    {
        if (CriticalCases.Check(state, text, out var note) is { } error)
        {
            return Problems.Validation(field, error);
        }

        var actor = http.ApiActor();
        var result = await cases.CloseAsync(id, state, note, actor, ct);
        return result.Outcome switch
        {
            CloseOutcome.Closed => TypedResults.Ok(result.Case!),
            CloseOutcome.NotFound => Problems.NotFound($"no critical-finding case with id {id}"),
            _ => Problems.Conflict($"critical-finding case {id} is already {result.Case!.State}"),
        };
    }
}
