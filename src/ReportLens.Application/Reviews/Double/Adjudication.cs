using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// The two records of a double review side by side, and their settlement by a third person (an admin or a senior radiologist who is
/// not one of the two): agreed items stand, each disputed item takes one reviewer's version or the adjudicator's decision,
/// and the result is written as the annotation's review with <see cref="ReviewRecord.AdjudicatedBy"/> and
/// <see cref="ReviewRecord.AdjudicatedAt"/>.
/// </summary>
public sealed class Adjudication(ReportLensDbContext db, ReviewService reviews, TimeProvider time)
{
    /// <summary>Reviewers see the comparison once both have finished; adjudicators (admins, seniors) who are not one of them, to adjudicate.</summary>
    public async Task<DoubleReviewOutcome<ReviewComparison>> CompareAsync(long annotationId, Actor actor, CancellationToken ct)
    {
        var (annotation, pair) = await LoadAsync(annotationId, ct);
        if (annotation is null)
        {
            return DoubleReviewOutcome<ReviewComparison>.Fail(404, $"annotation {annotationId} is not in double review");
        }

        var state = DoubleReviews.StateOf(pair);
        var reviewer = pair.Any(x => x.ReviewerId == actor.UserId);
        if (!reviewer && !Roles.CanAdjudicate(actor.Role))
        {
            return DoubleReviewOutcome<ReviewComparison>.Fail(403, "only the two reviewers, admins and senior radiologists see a double review's records");
        }

        if (state == DoubleReviewStates.InReview)
        {
            return reviewer
                ? DoubleReviewOutcome<ReviewComparison>.Fail(403, "the other reviewer's decisions are hidden until both have finished")
                : DoubleReviewOutcome<ReviewComparison>.Fail(409, "both reviewers must finish before their records are compared");
        }

        var rows = Rows(annotation, pair);
        return new(new ReviewComparison(annotation.Id, annotation.ReportId, state, pair.Select(x => x.ReviewerName).ToList(), rows.Count(r => !r.Agree), rows));
    }

    public async Task<DoubleReviewOutcome<ReviewResponse>> SettleAsync(long annotationId, AdjudicationRequest request, Actor actor, CancellationToken ct)
    {
        var (annotation, pair) = await LoadAsync(annotationId, ct);
        if (annotation is null)
        {
            return DoubleReviewOutcome<ReviewResponse>.Fail(404, $"annotation {annotationId} is not in double review");
        }

        if (!Roles.CanAdjudicate(actor.Role) || pair.Any(x => x.ReviewerId == actor.UserId))
        {
            return DoubleReviewOutcome<ReviewResponse>.Fail(403, "a third person settles a double review: an admin or senior radiologist who is not one of its reviewers");
        }

        if (DoubleReviews.StateOf(pair) != DoubleReviewStates.NeedsAdjudication)
        {
            return DoubleReviewOutcome<ReviewResponse>.Fail(409, $"annotation {annotationId} does not wait for adjudication ({DoubleReviews.StateOf(pair)})");
        }

        var rows = Rows(annotation, pair);
        var errors = new Dictionary<string, string[]>();
        var settled = Settle(annotation, rows, pair, request.Items ?? [], actor, errors);
        if (errors.Count > 0)
        {
            return DoubleReviewOutcome<ReviewResponse>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        pair.ForEach(x => x.SettledAt = now);
        var record = settled! with { AdjudicatedBy = actor.Username, AdjudicatedAt = now };
        return new(await reviews.WriteSettledAsync(annotation, record, actor, AuditActions.Adjudicate,
            $"annotation {annotationId}: adjudicated {rows.Count(r => !r.Agree)} disputed items", ct));
    }

    private ReviewRecord? Settle(
        Annotation annotation, IReadOnlyList<ComparisonRow> rows, IReadOnlyList<ReviewAssignment> pair, IReadOnlyList<AdjudicationItem> items, Actor actor,
        Dictionary<string, string[]> errors)
    {
        var disputed = rows.Where(r => !r.Agree).ToDictionary(r => r.Item);
        var decisions = rows.Where(r => r.Agree && r.DecisionA is not null).Select(r => (r.Item, r.DecisionA!)).ToList();
        var added = rows.Where(r => r.Agree && r.AddedA is not null).Select(r => r.AddedA!).ToList();
        var now = time.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Item is null || !disputed.Remove(item.Item, out var row))
            {
                errors[$"items[{i}].item"] = [$"'{item.Item}' is not a disputed item of this double review (or is settled twice)"];
                continue;
            }

            var side = item.Take is { } take ? pair.ToList().FindIndex(x => Usernames.Key(x.ReviewerName) == Usernames.Key(take)) : -1;
            if (item.Take is not null && side < 0)
            {
                errors[$"items[{i}].take"] = ["take must name one of the two reviewers"];
            }
            else if (row.DecisionA is not null || row.DecisionB is not null)
            {
                if (side >= 0)
                {
                    decisions.Add((row.Item, (side == 0 ? row.DecisionA : row.DecisionB)!));
                }
                else if (Own(annotation, row.Item, item, i, errors) is { } own)
                {
                    decisions.Add((row.Item, own with { ReviewedBy = actor.UserId, Reviewer = actor.Username, ReviewedAt = now }));
                }
            }
            else if ((side >= 0 ? (side == 0 ? row.AddedA : row.AddedB) : item.Decision == ReviewDecisions.Accept ? (row.AddedA ?? row.AddedB) : null) is { } keep)
            {
                if (side < 0 && row.AddedA is not null && row.AddedB is not null)
                {
                    errors[$"items[{i}].take"] = ["both reviewers added this span with other attributes: take one of them"];
                }

                added.Add(keep);
            }
            else if (side < 0 && item.Decision != ReviewDecisions.Reject)
            {
                errors[$"items[{i}].decision"] = ["an added item is kept (accept), dropped (reject) or taken from a reviewer"];
            }
        }

        if (disputed.Count > 0)
        {
            errors["items"] = [$"settle every disputed item; left: {string.Join(", ", disputed.Keys)}"];
        }

        return errors.Count > 0 ? null : ReviewComparer.Build(decisions, added);
    }

    private static ReviewDecision? Own(Annotation annotation, string path, AdjudicationItem item, int index, Dictionary<string, string[]> errors)
    {
        var request = new ReviewRequest([new ReviewItemRequest(path, item.Decision, item.Text, item.Attributes)]);
        var problems = ReviewChecks.Decisions(annotation, request);
        foreach (var (key, value) in problems)
        {
            errors[key.Replace("items[0]", $"items[{index}]", StringComparison.Ordinal)] = value;
        }

        if (problems.Count > 0 || item.Decision is not { } decision)
        {
            return null;
        }

        var edit = decision == ReviewDecisions.Edit;
        return new ReviewDecision(decision, edit && !string.IsNullOrWhiteSpace(item.Text) ? item.Text.Trim() : null,
            null, null, default, edit && item.Attributes is { IsEmpty: false } a ? a : null);
    }

    private static IReadOnlyList<ComparisonRow> Rows(Annotation annotation, IReadOnlyList<ReviewAssignment> pair) =>
        ReviewComparer.Rows(ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson), ReviewService.Read(pair[0]), ReviewService.Read(pair[1]));

    private async Task<(Annotation?, List<ReviewAssignment>)> LoadAsync(long annotationId, CancellationToken ct)
    {
        var pair = await db.ReviewAssignments.Where(x => x.AnnotationId == annotationId).OrderBy(x => x.Id).ToListAsync(ct);
        return pair.Count != 2 ? (null, pair) : (await db.Annotations.SingleAsync(a => a.Id == annotationId, ct), pair);
    }
}
