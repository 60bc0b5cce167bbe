using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Application.Usage;
using ReportLens.Server.Auth;
using ReportLens.Server.Errors;
using ReportLens.Server.Reports;

namespace ReportLens.Server.Usage;

/// <summary>GET /api/v1/usage: what the LLM analyses cost over a period, per model, backend or user (admins).</summary>
public static class UsageApi
{
    /// <summary>The period when the caller names none: the last 30 days, today included.</summary>
    public const int DefaultDays = 30;

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/usage").WithTags("Usage").RequireAuthorization(Policies.Admin).IgnoreBlankQueryValues();
        group.MapGet("/", GetAsync).WithName("GetUsage").WithSummary("Prompt, output and thinking tokens and backend seconds per model, backend or user")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static async Task<Results<Ok<UsageSummary>, ValidationProblem>> GetAsync(
        [FromQuery(Name = "from")] DateOnly? from, [FromQuery(Name = "to")] DateOnly? to, [FromQuery(Name = "group_by")] string? groupBy,
        UsageReport usage, TimeProvider time, CancellationToken ct)
    {
        if (!UsageGroupings.TryParse(groupBy, out var by))
        {
            return Problems.Validation("group_by", $"group_by must be one of {string.Join(", ", UsageGroupings.WireNames)}");
        }

        var last = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            return Problems.Validation("from", "from must not be after to");
        }

        return TypedResults.Ok(await usage.ReadAsync(StartOf(first), StartOf(last.AddDays(1)), by, ct));
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
