using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// Double review: an admin assigns an annotation to two reviewers; each reviews it into their own record, blind to
/// the other's, and finishes; when both have finished their records are compared — agreed ones are settled at once,
/// the others wait for adjudication (<see cref="Adjudication"/>). Shared by the API and the UI.
/// </summary>
public sealed class DoubleReviews(ReportLensDbContext db, ReviewService reviews, TimeProvider time)
{
    public async Task<DoubleReviewOutcome<IReadOnlyList<DoubleReviewSummary>>> AssignAsync(AssignmentRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var names = (request.Reviewers ?? []).Select(r => r?.Trim() ?? "").ToList();
        var keys = names.Select(Usernames.Key).ToList();
        var users = await db.Users.Where(u => keys.Contains(u.NormalizedUsername)).ToListAsync(ct);
        if (names.Count != 2 || keys.Distinct().Count() != 2)
        {
            errors["reviewers"] = ["name two different reviewers"];
        }
        else if (names.FirstOrDefault(n => users.All(u => u.NormalizedUsername != Usernames.Key(n) || !u.IsActive || u.Role == Roles.Viewer)) is { } bad)
        {
            errors["reviewers"] = [$"'{bad}' is not an active radiologist or admin"];
        }

        if ((request.AnnotationIds is { Count: > 0 }) == (request.ReportId is not null))
        {
            errors["annotation_ids"] = ["send annotation_ids or report_id (one of them)"];
        }

        if (errors.Count > 0)
        {
            return DoubleReviewOutcome<IReadOnlyList<DoubleReviewSummary>>.Invalid(errors);
        }

        var annotations = await TargetsAsync(request, ct);
        if (annotations.Count == 0 || annotations.Any(a => a.Status != AnnotationStatus.Succeeded))
        {
            return DoubleReviewOutcome<IReadOnlyList<DoubleReviewSummary>>.Fail(404, request.ReportId is { } r
                ? $"report {r} has no analysis to review" : "every annotation must exist and have succeeded");
        }

        var ids = annotations.Select(a => a.Id).ToList();
        if (await db.ReviewAssignments.AnyAsync(x => ids.Contains(x.AnnotationId), ct))
        {
            return DoubleReviewOutcome<IReadOnlyList<DoubleReviewSummary>>.Fail(409, "an annotation is already in double review (or was double-reviewed)");
        }

        var now = time.GetUtcNow();
        foreach (var annotation in annotations)
        {
            foreach (var key in keys)
            {
                var user = users.Single(u => u.NormalizedUsername == key);
                db.ReviewAssignments.Add(new ReviewAssignment
                {
                    AnnotationId = annotation.Id,
                    ReviewerId = user.Id,
                    ReviewerName = user.Username,
                    AssignedBy = actor.UserId,
                    AssignedAt = now,
                });
            }

            AuditEntries.Stage(db, actor, AuditActions.ReviewAssign, annotation.ReportId, $"annotation {annotation.Id}: double review by {string.Join(", ", names)}", now);
        }

        await db.SaveChangesAsync(ct);
        return new(await ListAsync(null, ids, ct));
    }

    private async Task<List<Annotation>> TargetsAsync(AssignmentRequest request, CancellationToken ct)
    {
        if (request.AnnotationIds is { Count: > 0 } ids)
        {
            var found = await db.Annotations.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
            return found.Count == ids.Distinct().Count() ? found : [];
        }

        // A report's current analyses: the latest succeeded annotation of each type, as the report view shows them.
        var succeeded = await db.Annotations.Where(a => a.ReportId == request.ReportId && a.Status == AnnotationStatus.Succeeded).ToListAsync(ct);
        return succeeded.GroupBy(a => a.AnnotationType).Select(g => g.MaxBy(a => a.Id)!).ToList();
    }

    /// <summary>Double reviews, newest first: all of them for <paramref name="forUserId"/> null, else those the user reviews.</summary>
    public async Task<IReadOnlyList<DoubleReviewSummary>> ListAsync(int? forUserId, IReadOnlyList<long>? annotationIds, CancellationToken ct)
    {
        var query = db.ReviewAssignments.AsNoTracking();
        if (forUserId is { } userId)
        {
            var mine = db.ReviewAssignments.Where(x => x.ReviewerId == userId).Select(x => x.AnnotationId);
            query = query.Where(x => mine.Contains(x.AnnotationId));
        }

        if (annotationIds is not null)
        {
            query = query.Where(x => annotationIds.Contains(x.AnnotationId));
        }

        var rows = await query.ToListAsync(ct);
        var ids = rows.Select(r => r.AnnotationId).Distinct().ToList();
        var annotations = await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return rows.GroupBy(r => r.AnnotationId)
            .Select(g => Summary(annotations[g.Key], [.. g.OrderBy(x => x.Id)]))
            .OrderByDescending(s => s.AssignedAt).ThenByDescending(s => s.AnnotationId)
            .ToList();
    }

    public static DoubleReviewSummary Summary(Annotation annotation, IReadOnlyList<ReviewAssignment> pair) => new(
        annotation.Id, annotation.ReportId, annotation.AnnotationType.WireName(), annotation.Engine.WireName(), annotation.ModelName, StateOf(pair),
        pair.Select(x => new DoubleReviewer(x.ReviewerId, x.ReviewerName, x.FinishedAt)).ToList(), pair[0].AssignedAt,
        pair[0].SettledAt is null ? null : ReviewService.Read(annotation).AdjudicatedBy);

    public static string StateOf(IReadOnlyList<ReviewAssignment> pair) =>
        pair.Any(x => x.SettledAt is not null) ? DoubleReviewStates.Settled
        : pair.All(x => x.FinishedAt is not null) ? DoubleReviewStates.NeedsAdjudication
        : DoubleReviewStates.InReview;

    /// <summary>Where <paramref name="actor"/>'s decisions on <paramref name="annotationId"/> go (see <see cref="ReviewSlot"/>).</summary>
    public async Task<ReviewSlot> SlotAsync(long annotationId, Actor actor, CancellationToken ct)
    {
        var pair = await db.ReviewAssignments.Where(x => x.AnnotationId == annotationId && x.SettledAt == null).ToListAsync(ct);
        if (pair.Count == 0)
        {
            return ReviewSlot.Single;
        }

        var mine = pair.FirstOrDefault(x => x.ReviewerId == actor.UserId);
        return mine is null ? new ReviewSlot(null, 403, $"annotation {annotationId} is in double review by {string.Join(" and ", pair.Select(x => x.ReviewerName))}; only they review it until it is settled")
            : mine.FinishedAt is not null ? new ReviewSlot(null, 409, $"you have finished your review of annotation {annotationId}")
            : new ReviewSlot(mine);
    }

    /// <summary>
    /// The review <paramref name="userId"/> sees of each annotation: their own record while they double-review it,
    /// otherwise the settled one (empty until settled) — never the other reviewer's.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, DoubleReviewView>> ViewsAsync(IReadOnlyList<Annotation> annotations, int? userId, CancellationToken ct)
    {
        var ids = annotations.Select(a => a.Id).ToList();
        var rows = (await db.ReviewAssignments.AsNoTracking().Where(x => ids.Contains(x.AnnotationId)).ToListAsync(ct)).ToLookup(x => x.AnnotationId);
        return annotations.ToDictionary(a => a.Id, a =>
        {
            var pair = rows[a.Id].OrderBy(x => x.Id).ToList();
            if (pair.Count == 0)
            {
                return new DoubleReviewView(ReviewService.ToResponse(a), null, false, false);
            }

            var state = StateOf(pair);
            var mine = pair.FirstOrDefault(x => x.ReviewerId == userId);
            var own = state != DoubleReviewStates.Settled && mine is not null;
            return new DoubleReviewView(own ? ReviewService.ToResponse(a, mine!) : ReviewService.ToResponse(a), Summary(a, pair), own,
                own && mine!.FinishedAt is null);
        });
    }

    /// <summary>
    /// The reviewer finishes their review (every item decided); when the other has finished too and they agree on
    /// everything, the agreed record becomes the annotation's review without adjudication.
    /// </summary>
    public async Task<DoubleReviewOutcome<DoubleReviewSummary>> FinishAsync(long annotationId, Actor actor, CancellationToken ct)
    {
        var slot = await SlotAsync(annotationId, actor, ct);
        if (slot.Refused || slot.Assignment is null)
        {
            return DoubleReviewOutcome<DoubleReviewSummary>.Fail(slot.RefusalStatus ?? 409, slot.Refusal ?? $"annotation {annotationId} is not in double review");
        }

        var annotation = await db.Annotations.SingleAsync(a => a.Id == annotationId, ct);
        var mine = slot.Assignment;
        var counts = ReviewService.CountsOf(annotation, ReviewService.Read(mine));
        if (counts.Pending > 0)
        {
            return DoubleReviewOutcome<DoubleReviewSummary>.Fail(409, $"decide every item before finishing: {counts.Pending} pending");
        }

        var now = time.GetUtcNow();
        mine.FinishedAt = now;
        var pair = await db.ReviewAssignments.Where(x => x.AnnotationId == annotationId).OrderBy(x => x.Id).ToListAsync(ct);
        AuditEntries.Stage(db, actor, AuditActions.Review, annotation.ReportId, $"annotation {annotationId}: finished double review", now);
        if (pair.All(x => x.FinishedAt is not null))
        {
            var rows = ReviewComparer.Rows(ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson), ReviewService.Read(pair[0]), ReviewService.Read(pair[1]));
            if (rows.All(r => r.Agree))
            {
                pair.ForEach(x => x.SettledAt = now);
                await reviews.WriteSettledAsync(annotation, ReviewComparer.Agreed(rows), actor, AuditActions.Review,
                    $"annotation {annotationId}: double review agreed on all {rows.Count} items", ct);
                return new(Summary(annotation, pair));
            }
        }

        await db.SaveChangesAsync(ct);
        return new(Summary(annotation, pair));
    }
}
