using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;

namespace ReportLens.Application.Gold;

/// <summary>
/// The part of the gold one settled annotation gives: accepted items as the engine gave them, edited items with
/// their corrections, rejected items left out, reviewers' additions in. An annotation with an item that cannot be
/// placed exactly gives nothing (the reason), so no exported part is missing items its review settled.
/// </summary>
internal static class GoldParts
{
    public static GoldDraft? Of(string report, SettledAnnotation settled, out string? problem)
    {
        var (annotation, review) = settled;
        var part = new GoldDraft();
        part.Reviewed.Add(annotation.AnnotationType);
        problem = annotation.ContentJson is not { } json ? GoldSkipReasons.Ungrounded
            : ReportLensJson.DeserializeContent(annotation.AnnotationType, json) switch
            {
                HighlightContent h => Highlights(report, h, review, part),
                ExtractionContent e => Extraction(report, e, review, part),
                ClassificationContent c => Classification(c, review, part),
                ScoringContent s => Scores(s, review, part),
                _ => null,
            };
        return problem is null ? part : null;
    }

    private static string? Highlights(string report, HighlightContent content, ReviewRecord review, GoldDraft part)
    {
        for (var i = 0; i < content.Highlights.Count; i++)
        {
            var item = content.Highlights[i];
            if (Decided(review, $"highlights/{i}") is not { } decision)
            {
                continue;
            }

            var attributes = decision.Attributes ?? new ReviewAttributes();
            var grounding = item.Grounding ?? new SpanGrounding { Match = GroundingMatch.Exact, Start = item.Start, End = item.End, SourceText = item.Text };
            if (ReviewedSpans.Engine(report, grounding, decision.Text, out var problem) is not { } span)
            {
                return problem;
            }

            if (IsFinding(attributes.Category ?? item.Category))
            {
                part.Findings.Add(Finding(span, attributes, item.Negated, item.Uncertain));
            }
        }

        foreach (var added in review.AddedItems.Where(a => a.List == "highlights"))
        {
            if (ReviewedSpans.Added(report, added, out var problem) is not { } span)
            {
                return problem;
            }

            if (IsFinding(added.Attributes.Category))
            {
                part.Findings.Add(Finding(span, added.Attributes, false, false));
            }
        }

        return null;
    }

    private static string? Extraction(string report, ExtractionContent content, ReviewRecord review, GoldDraft part)
    {
        for (var i = 0; i < content.Findings.Count; i++)
        {
            if (Decided(review, $"findings/{i}") is not { } decision)
            {
                continue;
            }

            var detail = i < content.FindingDetails.Count ? content.FindingDetails[i] : null;
            if (ReviewedSpans.Engine(report, detail?.Grounding, decision.Text, out var problem) is not { } span)
            {
                return problem;
            }

            part.Findings.Add(Finding(span, decision.Attributes ?? new ReviewAttributes(), detail!.Negated, detail.Uncertain));
        }

        for (var i = 0; i < content.Measurements.Count; i++)
        {
            var measurement = content.Measurements[i];
            if (Decided(review, $"measurements/{i}") is not { } decision)
            {
                continue;
            }

            if (ReviewedSpans.Engine(report, measurement.Grounding, decision.Text, out var problem) is not { } span)
            {
                return problem;
            }

            part.Measurements.Add(new GoldDraft.DraftMeasurement(span.Start, span.End, measurement.Value, measurement.Unit, measurement.Item));
        }

        for (var i = 0; i < content.Locations.Count; i++)
        {
            if (Decided(review, $"locations/{i}") is not { } decision)
            {
                continue;
            }

            var detail = i < content.LocationDetails.Count ? content.LocationDetails[i] : null;
            if (ReviewedSpans.Engine(report, detail?.Grounding, decision.Text, out var problem) is not { } span)
            {
                return problem;
            }

            part.Locations.Add(span);
        }

        if (content.Impression.Length > 0 && Decided(review, "impression") is { } impression)
        {
            if (ReviewedSpans.Engine(report, content.ImpressionDetails?.Grounding, impression.Text, out var problem) is not { } span)
            {
                return problem;
            }

            part.Impression = span;
        }

        foreach (var added in review.AddedItems)
        {
            if (ReviewedSpans.Added(report, added, out var problem) is not { } span)
            {
                return problem;
            }

            if (added.List == "findings")
            {
                part.Findings.Add(Finding(span, added.Attributes, false, false));
            }
            else if (added.List == "locations")
            {
                part.Locations.Add(span);
            }
        }

        return null;
    }

    /// <summary>All five dimensions must have a settled category (accepted, or corrected to one of the dimension's categories).</summary>
    private static string? Classification(ClassificationContent content, ReviewRecord review, GoldDraft part)
    {
        var settled = new Dictionary<string, string>();
        for (var i = 0; i < content.Classifications.Count; i++)
        {
            var item = content.Classifications[i];
            if (Decided(review, $"classifications/{i}") is not { } decision)
            {
                continue;
            }

            var category = decision.Attributes?.Category ?? decision.Text ?? item.Category;
            if (ClassificationVocabulary.CategoriesOf(item.Dimension).Contains(category))
            {
                settled[item.Dimension] = category;
            }
        }

        if (ClassificationVocabulary.Dimensions.Any(d => !settled.ContainsKey(d)))
        {
            return GoldSkipReasons.ClassificationUnsettled;
        }

        part.Classification = settled;
        return null;
    }

    private static string? Scores(ScoringContent content, ReviewRecord review, GoldDraft part)
    {
        part.Scores = [.. content.Scores.Select((s, i) => (s, d: Decided(review, $"scores/{i}")))
            .Where(x => x.d is not null)
            .Select(x => new GoldScore(x.s.Dimension, x.d!.Attributes?.Score ?? x.s.Score, x.s.MaxScore))];
        return null;
    }

    /// <summary>The decision on an item that stays in the gold (accepted or edited); null when it was rejected.</summary>
    private static ReviewDecision? Decided(ReviewRecord review, string path) =>
        review.Items.TryGetValue(path, out var decision) && decision.Decision != ReviewDecisions.Reject ? decision : null;

    private static bool IsFinding(string? category) => category is HighlightCategories.Abnormal or HighlightCategories.Diagnosis;

    private static GoldDraft.DraftFinding Finding((int Start, int End) span, ReviewAttributes attributes, bool negated, bool uncertain) =>
        new(span.Start, span.End, attributes.Negated ?? negated, attributes.Uncertain ?? uncertain, attributes.Laterality, attributes.Severity);
}
