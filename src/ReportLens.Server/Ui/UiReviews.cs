using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Server.Auth;
using ReportLens.Application.Reviews;
using ReportLens.Application.Reviews.Double;
using ReportLens.Server.Reviews.Queue;

namespace ReportLens.Server.Ui;

/// <summary>The review controls' calls: the same checks and storage as POST /api/v1/annotations/{id}/review.</summary>
public sealed class UiReviews(IServiceScopeFactory scopes)
{
    public async Task<ReviewResult> DecideAsync(
        long annotationId, string item, string decision, string? text, ReviewAttributes? attributes, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var annotation = await db.Annotations.SingleAsync(a => a.Id == annotationId, ct);
        var request = new ReviewRequest([new ReviewItemRequest(item, decision, text, attributes)]);
        var errors = ReviewChecks.Decisions(annotation, request);
        if (errors.Count > 0)
        {
            return new ReviewResult(null, string.Join("; ", errors.SelectMany(e => e.Value)));
        }

        var actor = user.ToActor(Door.Ui, null);
        var slot = await scope.ServiceProvider.GetRequiredService<DoubleReviews>().SlotAsync(annotationId, actor, ct);
        if (slot.Refused)
        {
            return new ReviewResult(null, slot.Refusal);
        }

        var response = await scope.ServiceProvider.GetRequiredService<ReviewService>().ApplyAsync(annotation, request, actor, ct, slot);
        return new ReviewResult(response, null);
    }

    /// <summary>Adds a missed item from the reviewer's selection, with the API's checks (the offsets must cut out the selected text).</summary>
    public async Task<ReviewResult> AddAsync(long annotationId, ReviewAdditionRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var annotation = await db.Annotations.Include(a => a.Report).SingleAsync(a => a.Id == annotationId, ct);
        var actor = user.ToActor(Door.Ui, null);
        var slot = await scope.ServiceProvider.GetRequiredService<DoubleReviews>().SlotAsync(annotationId, actor, ct);
        if (slot.Refused)
        {
            return new ReviewResult(null, slot.Refusal);
        }

        var current = slot.Assignment is { } mine ? ReviewService.Read(mine) : null;
        var errors = ReviewChecks.Addition(annotation, annotation.Report!.ReportContent, request, out var codePoints, current);
        if (errors.Count > 0)
        {
            return new ReviewResult(null, string.Join("; ", errors.SelectMany(e => e.Value)));
        }

        return new ReviewResult(await scope.ServiceProvider.GetRequiredService<ReviewService>().AddAsync(annotation, request, codePoints, actor, ct, slot), null);
    }

    public async Task<ReviewResult> RemoveAddedAsync(long annotationId, int additionId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var annotation = await db.Annotations.SingleAsync(a => a.Id == annotationId, ct);
        var actor = user.ToActor(Door.Ui, null);
        var slot = await scope.ServiceProvider.GetRequiredService<DoubleReviews>().SlotAsync(annotationId, actor, ct);
        if (slot.Refused)
        {
            return new ReviewResult(null, slot.Refusal);
        }

        var response = await scope.ServiceProvider.GetRequiredService<ReviewService>().RemoveAddedAsync(annotation, additionId, actor, ct, slot);
        return new ReviewResult(response, response is null ? $"no added item {additionId}" : null);
    }

    /// <summary>The review queue's first 200 entries and progress (the API pages further).</summary>
    public async Task<ReviewQueueResponse> QueueAsync(ReviewQueueFilter filter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewQueue>().GetAsync(filter, 0, 200, ct);
    }

    public async Task<int?> NextReportAsync(int reportId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewQueue>().NextReportAsync(reportId, ct);
    }

    public async Task<ReviewStatsResponse> StatsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewService>().StatsAsync(null, ct);
    }
}
