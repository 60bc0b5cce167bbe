using ReportLens.Core.Annotations;

namespace ReportLens.Application.Reviews;

/// <summary>
/// An annotation's content as its settled review leaves it: rejected items gone, edited items corrected (text and
/// attributes; an edited text loses its span, which grounded the engine's words), items reviewers added present
/// with their selection as span. Results leave ReportLens in this shape (FHIR, outbound ORU).
/// </summary>
public static class ReviewedContent
{
    public static AnnotationContent Apply(AnnotationContent content, ReviewRecord record)
    {
        if (record.Items.Count == 0 && record.AddedItems.Count == 0)
        {
            return content;
        }

        return content switch
        {
            ExtractionContent extraction => Extraction(extraction, record),
            HighlightContent highlight => highlight with { Highlights = [.. Kept(highlight.Highlights, "highlights", record, Highlight), .. AddedHighlights(record)] },
            ClassificationContent classification => classification with { Classifications = [.. Kept(classification.Classifications, "classifications", record, Classification)] },
            ScoringContent scoring => scoring with { Scores = [.. Kept(scoring.Scores, "scores", record, Score)] },
            _ => content,
        };
    }

    private static ExtractionContent Extraction(ExtractionContent content, ReviewRecord record)
    {
        // Findings and their details share indexes, and so do locations: both are kept or dropped together.
        var details = content.FindingDetails.Count == content.Findings.Count
            ? content.FindingDetails
            : content.Findings.Select(f => new Finding { Text = f }).ToList();
        var findings = Kept(details, "findings", record, Finding).ToList();
        var locations = Kept(LocationsOf(content), "locations", record, Located).ToList();
        foreach (var added in record.AddedItems)
        {
            if (added.List == "findings")
            {
                findings.Add(new Finding
                {
                    Text = added.Text,
                    Negated = added.Attributes.Negated ?? false,
                    Uncertain = added.Attributes.Uncertain ?? false,
                    Abnormal = added.Attributes.Negated != true,
                    Grounding = Span(added),
                });
            }
            else if (added.List == "locations")
            {
                locations.Add(new GroundedText { Text = added.Text, Grounding = Span(added) });
            }
        }

        var impression = record.Items.GetValueOrDefault("impression") switch
        {
            { Decision: ReviewDecisions.Reject } => "",
            { Decision: ReviewDecisions.Edit, Text: { } text } => text,
            _ => content.Impression,
        };
        return content with
        {
            Findings = [.. findings.Select(f => f.Text)],
            FindingDetails = findings,
            Measurements = [.. Kept(content.Measurements, "measurements", record, Measured)],
            Locations = [.. locations.Select(l => l.Text)],
            LocationDetails = locations,
            Impression = impression,
        };
    }

    /// <summary>The items of one list that were not rejected, each corrected by its edit (if any).</summary>
    private static IEnumerable<T> Kept<T>(IReadOnlyList<T> items, string list, ReviewRecord record, Func<T, ReviewDecision, T> edit)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var decision = record.Items.GetValueOrDefault($"{list}/{i}");
            if (decision?.Decision == ReviewDecisions.Reject)
            {
                continue;
            }

            yield return decision?.Decision == ReviewDecisions.Edit ? edit(items[i], decision) : items[i];
        }
    }

    private static Finding Finding(Finding finding, ReviewDecision edit)
    {
        var negated = edit.Attributes?.Negated ?? finding.Negated;
        return finding with
        {
            Text = edit.Text ?? finding.Text,
            Negated = negated,
            Uncertain = edit.Attributes?.Uncertain ?? finding.Uncertain,
            Abnormal = edit.Attributes?.Negated is { } n ? !n : finding.Abnormal,
            Grounding = edit.Text is null ? finding.Grounding : null,
        };
    }

    private static GroundedText Located(GroundedText location, ReviewDecision edit) =>
        edit.Text is { } text ? location with { Text = text, Grounding = null } : location;

    /// <summary>An edited measurement is the reviewer's words: no longer the parsed value and unit.</summary>
    private static Measurement Measured(Measurement measurement, ReviewDecision edit) =>
        edit.Text is { } text ? measurement with { Value = "", Unit = "", Text = text, Grounding = null } : measurement;

    private static HighlightItem Highlight(HighlightItem item, ReviewDecision edit) => item with
    {
        Text = edit.Text ?? item.Text,
        Category = edit.Attributes?.Category ?? item.Category,
        Negated = edit.Attributes?.Negated ?? item.Negated,
        Uncertain = edit.Attributes?.Uncertain ?? item.Uncertain,
        Grounding = edit.Text is null ? item.Grounding : null,
    };

    private static ClassificationItem Classification(ClassificationItem item, ReviewDecision edit) =>
        edit.Attributes?.Category is { } category ? item with { Category = category } : item;

    private static ScoreItem Score(ScoreItem item, ReviewDecision edit) => item with
    {
        Score = edit.Attributes?.Score ?? item.Score,
        Reason = edit.Text ?? item.Reason,
    };

    private static IEnumerable<HighlightItem> AddedHighlights(ReviewRecord record) =>
        record.AddedItems.Where(a => a.List == "highlights").Select(a => new HighlightItem
        {
            Text = a.Text,
            Category = a.Attributes.Category ?? HighlightCategories.Abnormal,
            Start = a.Start,
            End = a.End,
            Negated = a.Attributes.Negated ?? false,
            Uncertain = a.Attributes.Uncertain ?? false,
            Grounding = Span(a),
        });

    private static IReadOnlyList<GroundedText> LocationsOf(ExtractionContent content) =>
        content.LocationDetails.Count == content.Locations.Count
            ? content.LocationDetails
            : [.. content.Locations.Select(l => new GroundedText { Text = l })];

    private static SpanGrounding Span(ReviewAddition added) => new()
    {
        Match = GroundingMatch.Exact,
        Score = 1,
        Start = added.Start,
        End = added.End,
        CodePointStart = added.CodePointStart,
        CodePointEnd = added.CodePointEnd,
        SourceText = added.Text,
    };
}
