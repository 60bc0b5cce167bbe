using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Server.Reviews;

namespace ReportLens.Server.Ui;

/// <summary>The review controls' calls: the same checks and storage as POST /api/v1/annotations/{id}/review.</summary>
public sealed class UiReviews(IServiceScopeFactory scopes)
{
    public async Task<ReviewResult> DecideAsync(long annotationId, string item, string decision, string? text, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var annotation = await db.Annotations.SingleAsync(a => a.Id == annotationId, ct);
        var request = new ReviewRequest([new ReviewItemRequest(item, decision, text)]);
        var errors = ReviewService.Check(annotation, request);
        if (errors.Count > 0)
        {
            return new ReviewResult(null, string.Join("; ", errors.SelectMany(e => e.Value)));
        }

        var response = await scope.ServiceProvider.GetRequiredService<ReviewService>().ApplyAsync(annotation, request, user, ct);
        return new ReviewResult(response, null);
    }

    public async Task<ReviewStatsResponse> StatsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewService>().StatsAsync(null, ct);
    }
}
