using ReportLens.Application.Reviews;
using ReportLens.Application.Reviews.Double;
using ReportLens.Core.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Reviews.Queue;

/// <summary>
/// The review queue across reports: the latest annotation of each report, type, engine, model and prompt version,
/// served by need — low confidence (lowest first), engine disagreement, critical verdict, then the rest — with the
/// queue's progress. Shared by GET /api/v1/reviews/queue, the Review queue page and the report view's "next report".
/// </summary>
public sealed class ReviewQueue(ReportLensDbContext db)
{
    public async Task<ReviewQueueResponse> GetAsync(ReviewQueueFilter filter, int offset, int limit, CancellationToken ct)
    {
        var entries = await EntriesAsync(filter, ct);
        var toReview = entries.Where(e => e.Pending > 0).ToList();
        return new ReviewQueueResponse(entries.Count - toReview.Count, toReview.Count, toReview.Skip(offset).Take(limit).ToList());
    }

    /// <summary>The report to review after <paramref name="reportId"/>: the next one in the queue, or its first other report.</summary>
    public async Task<int?> NextReportAsync(int reportId, CancellationToken ct)
    {
        var reports = (await EntriesAsync(new ReviewQueueFilter(), ct)).Where(e => e.Pending > 0).Select(e => e.ReportId).Distinct().ToList();
        var at = reports.IndexOf(reportId);
        return reports.Skip(at + 1).Concat(reports.Take(Math.Max(at, 0))).Cast<int?>().FirstOrDefault(id => id != reportId);
    }

    private async Task<List<ReviewQueueEntry>> EntriesAsync(ReviewQueueFilter filter, CancellationToken ct)
    {
        var query = db.Annotations.AsNoTracking().Include(a => a.Report)
            .Where(a => a.Status == AnnotationStatus.Succeeded && a.ContentJson != null && !a.Report!.IsDeleted);
        if (filter.Modality is { } modality)
        {
            query = query.Where(a => a.Report!.Modality == modality);
        }

        // Latest per report, type, engine, model and prompt version: a re-run replaces the earlier result in the queue.
        var latest = (await query.ToListAsync(ct))
            .GroupBy(a => (a.ReportId, a.AnnotationType, a.Engine, a.ModelName, a.PromptVersion))
            .Select(g => g.MaxBy(a => a.Id)!)
            .ToList();
        var disagreeing = Disagreeing(latest);
        var ids = latest.Select(a => a.Id).ToList();
        var doubleReviews = (await db.ReviewAssignments.AsNoTracking().Where(x => ids.Contains(x.AnnotationId)).ToListAsync(ct))
            .GroupBy(x => x.AnnotationId).ToDictionary(g => g.Key, g => DoubleReviews.StateOf([.. g]));
        return latest
            .Where(a => (filter.Engine is null || a.Engine.WireName() == filter.Engine) && (filter.Model is null || a.ModelName == filter.Model)
                && (filter.PromptVersion is null || a.PromptVersion == filter.PromptVersion))
            .Select(a => Entry(a, disagreeing.Contains((a.ReportId, a.AnnotationType))) with { DoubleReview = doubleReviews.GetValueOrDefault(a.Id) })
            .OrderBy(e => ReviewQueueReasons.Tier(e.Reasons)).ThenBy(e => e.Confidence).ThenBy(e => e.AnnotationId)
            .ToList();
    }

    /// <summary>Reports and types whose latest rules and llm annotations assert different things.</summary>
    private static HashSet<(int, AnnotationType)> Disagreeing(IEnumerable<Annotation> annotations) => annotations
        .Where(a => a.Engine is EngineKind.Rules or EngineKind.Llm)
        .GroupBy(a => (a.ReportId, a.AnnotationType))
        .Where(g => g.Select(a => a.Engine).Distinct().Count() == 2
            && g.GroupBy(a => a.Engine).Select(e => VerdictSignature.Of(e.MaxBy(x => x.Id)!)).Distinct().Count() > 1)
        .Select(g => g.Key)
        .ToHashSet();

    private static ReviewQueueEntry Entry(Annotation a, bool disagreement)
    {
        var reasons = new List<string>();
        if (a.Confidence < ReviewQueueReasons.LowConfidenceBelow)
        {
            reasons.Add(ReviewQueueReasons.LowConfidence);
        }

        if (disagreement)
        {
            reasons.Add(ReviewQueueReasons.Disagreement);
        }

        if (a.Report!.Urgency == ClassificationVocabulary.UrgencyScale[^1])
        {
            reasons.Add(ReviewQueueReasons.Critical);
        }

        var counts = ReviewService.CountsOf(a, ReviewService.Read(a));
        return new ReviewQueueEntry(a.Id, a.ReportId, a.Report.AccessionNumber, a.Report.Modality, a.AnnotationType.WireName(), a.Engine.WireName(), a.ModelName,
            a.PromptVersion, a.Confidence, reasons, counts.Pending, counts.Total);
    }
}
