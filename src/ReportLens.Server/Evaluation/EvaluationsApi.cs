using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Evaluation;
using ReportLens.Application.Prompts;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Input;

namespace ReportLens.Server.Evaluation;

/// <summary>Gold sets and evaluation runs (admin): upload a gold file, score engines, models and prompt versions on it as a durable job, read the figures and their history.</summary>
public static class EvaluationsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var gold = app.MapGroup("/api/v1/gold-sets").WithTags("Evaluation").RequireAuthorization(Policies.Admin);
        gold.MapPost("/", UploadAsync).WithName("UploadGoldSet")
            .WithSummary("Store a gold file (JSONL, docs/gold-format.md; the body as sent, ?name=); a bad line is a 400 naming it");
        gold.MapGet("/", ListGoldSetsAsync).WithName("ListGoldSets").WithSummary("Stored gold sets, newest first");

        var runs = app.MapGroup("/api/v1/evaluations").WithTags("Evaluation").RequireAuthorization(Policies.Admin);
        runs.MapPost("/", StartAsync).WithName("StartEvaluation").WithSummary("Score engines and models on a gold set as a background job");
        runs.MapGet("/prompt-versions", PromptVersionsAsync).WithName("ListEvaluationPromptVersions")
            .WithSummary("The prompt versions a run can use: zero-shot, and few-shot when example sets are stored");
        runs.MapGet("/", ListAsync).WithName("ListEvaluations").WithSummary("Evaluation runs with their figures, newest first");
        runs.MapGet("/{id:long}", GetAsync).WithName("GetEvaluation").WithSummary("An evaluation run: progress, then figures")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Created<GoldSetView>, ValidationProblem>> UploadAsync(
        string? name, GoldSets goldSets, HttpContext http, CancellationToken ct)
    {
        string content;
        using (var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                content = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return Problems.Validation("content", "the gold file must be UTF-8");
            }
        }

        if (UnsafeText.Describe(content) is { } where)
        {
            return Problems.Validation("content", UnsafeText.Message(where));
        }

        var upload = await goldSets.UploadAsync(name ?? "", content, http.ApiActor(), ct);
        if (upload.Created is { } created)
        {
            return TypedResults.Created($"/api/v1/gold-sets/{created.Id}", created);
        }

        var field = upload.Line is null ? "name" : "content";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [upload.Problem!] },
            detail: upload.Problem, extensions: upload.Line is { } line ? new Dictionary<string, object?> { ["line"] = line } : null);
    }

    internal static async Task<Ok<IReadOnlyList<GoldSetView>>> ListGoldSetsAsync(GoldSets goldSets, CancellationToken ct) =>
        TypedResults.Ok(await goldSets.ListAsync(ct));

    internal static async Task<Results<Created<EvaluationRunView>, ValidationProblem>> StartAsync(
        StartEvaluationRequest request, EvaluationRuns runs, HttpContext http, CancellationToken ct)
    {
        var (plan, problem) = await runs.PlanAsync(request.Engines ?? [], request.Models ?? [], request.PromptVersions, ct);
        if (problem is { } p)
        {
            return Problems.Validation(p.Field, p.Message);
        }

        return await runs.StartAsync(request.GoldSetId, plan, http.ApiActor(), ct) is { } run
            ? TypedResults.Created($"/api/v1/evaluations/{run.Id}", run)
            : Problems.Validation("gold_set_id", $"no gold set with id {request.GoldSetId}");
    }

    internal static async Task<Ok<IReadOnlyList<PromptVersionChoice>>> PromptVersionsAsync(PromptExamples examples, CancellationToken ct) =>
        TypedResults.Ok(await examples.VersionsAsync(ct));

    internal static async Task<Results<Ok<IReadOnlyList<EvaluationRunView>>, ValidationProblem>> ListAsync(
        EvaluationRuns runs, int? offset, int? limit, CancellationToken ct)
    {
        var skip = offset ?? 0;
        var take = limit ?? 50;
        if (skip < 0)
        {
            return Problems.Validation("offset", "offset must not be negative");
        }

        if (take is < 1 or > MaxPageSize)
        {
            return Problems.Validation("limit", $"limit must be between 1 and {MaxPageSize}");
        }

        return TypedResults.Ok(await runs.ListAsync(skip, take, ct));
    }

    internal static async Task<Results<Ok<EvaluationRunView>, ProblemHttpResult>> GetAsync(long id, EvaluationRuns runs, CancellationToken ct) =>
        await runs.GetAsync(id, ct) is { } run ? TypedResults.Ok(run) : Problems.NotFound($"no evaluation run with id {id}");
}
