using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Reviews.Agreement;
using ReportLens.Application.Reviews.Double;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Ui;

/// <summary>The double-review pages' calls: the same use cases and checks as /api/v1/reviews/assignments and /agreement.</summary>
public sealed class UiDoubleReviews(IServiceScopeFactory scopes)
{
    public async Task<IReadOnlyDictionary<long, DoubleReviewView>> ViewsAsync(IReadOnlyList<Annotation> annotations, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DoubleReviews>().ViewsAsync(annotations, Actor(user).UserId, ct);
    }

    /// <summary>Active radiologists and admins: who can be assigned.</summary>
    public async Task<IReadOnlyList<string>> ReviewersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role != Roles.Viewer).OrderBy(u => u.Username).Select(u => u.Username).ToListAsync(ct);
    }

    /// <summary>Null when done, else why not.</summary>
    public async Task<string?> AssignReportAsync(int reportId, string? first, string? second, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DoubleReviews>()
            .AssignAsync(new AssignmentRequest(null, reportId, [first ?? "", second ?? ""]), Actor(user), ct);
        return Problem(outcome);
    }

    public async Task<IReadOnlyList<DoubleReviewSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = Actor(user);
        return await scope.ServiceProvider.GetRequiredService<DoubleReviews>().ListAsync(Roles.CanAdjudicate(actor.Role) ? null : actor.UserId ?? -1, null, ct);
    }

    public async Task<string?> FinishAsync(long annotationId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return Problem(await scope.ServiceProvider.GetRequiredService<DoubleReviews>().FinishAsync(annotationId, Actor(user), ct));
    }

    public async Task<DoubleReviewOutcome<ReviewComparison>> CompareAsync(long annotationId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Adjudication>().CompareAsync(annotationId, Actor(user), ct);
    }

    public async Task<string?> SettleAsync(long annotationId, AdjudicationRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return Problem(await scope.ServiceProvider.GetRequiredService<Adjudication>().SettleAsync(annotationId, request, Actor(user), ct));
    }

    public async Task<AgreementResponse> AgreementAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewAgreement>().GetAsync(ct);
    }

    private static Actor Actor(ClaimsPrincipal user) => user.ToActor(Door.Ui, null);

    private static string? Problem<T>(DoubleReviewOutcome<T> outcome) =>
        outcome.Ok ? null : outcome.Detail ?? string.Join("; ", outcome.Errors!.SelectMany(e => e.Value));
}
