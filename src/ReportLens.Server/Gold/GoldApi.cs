using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Application.Gold;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Gold;

/// <summary>
/// Reviewed → gold: admins export the settled reviews as a gold file (NDJSON, docs/gold-format.md#gold-export); any
/// signed-in role sees how each engine scores against them (the figures <c>reportlens eval --gold</c> prints).
/// </summary>
public static class GoldApi
{
    public const string FileName = "reportlens-gold.jsonl";

    public static IEndpointRouteBuilder MapGoldApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gold").WithTags("Gold").IgnoreBlankQueryValues();
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.Admin).WithName("ExportGold")
            .WithSummary("The settled reviews as a gold file, one report per line (audited as an export)")
            .Produces(StatusCodes.Status200OK, contentType: GoldJsonl.ContentType).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/scores", ScoresAsync).RequireAuthorization(Policies.Read).WithName("GetGoldScores")
            .WithSummary("Each engine, model and prompt version scored against the settled reviews");
        return app;
    }

    internal static async Task<Results<PushStreamHttpResult, ValidationProblem>> ExportAsync(
        [FromQuery(Name = "since")] string? since, [FromQuery(Name = "adjudicated_only")] bool? adjudicatedOnly, [FromQuery(Name = "deidentify")] bool? deidentify,
        GoldExport export, HttpContext http, CancellationToken ct)
    {
        if (!Core.Interop.ReportValidation.TryParseDate(since, out var sinceDate))
        {
            return Problems.Validation("since", "since must be a date (yyyy-mm-dd)");
        }

        var result = await export.ExportAsync(new GoldExportOptions(sinceDate, adjudicatedOnly ?? false, deidentify ?? false), http.ApiActor(), ct);
        return TypedResults.Stream(body => GoldJsonl.WriteAsync(body, result.Records, ct), GoldJsonl.ContentType, FileName);
    }

    internal static async Task<Ok<IReadOnlyList<EngineScore>>> ScoresAsync(ReviewedScores scores, CancellationToken ct) =>
        TypedResults.Ok(await scores.ComputeAsync(ct));
}
