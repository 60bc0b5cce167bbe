using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Evaluation;

/// <summary>An evaluation input whose attempted, non-failed contents have been grounded.</summary>
internal sealed record GroundedInput(EvaluationInput Input, GroundingResult? Highlights, GroundingResult? Classification, GroundingResult? Extraction)
{
    private List<(int Start, int End)>[]? _goldFindingSpans;

    public bool Tried(AnnotationType type) => Input.Attempted.Contains(type);

    /// <summary>Every gold finding located in the report once, in the gold file's order (used by several measures).</summary>
    public List<(int Start, int End)>[] GoldFindingSpans => _goldFindingSpans ??= GoldSpans.Locate(Input.Gold, Input.Gold.Findings);

    public IReadOnlyList<HighlightItem> HighlightItems => (Highlights?.Content as HighlightContent)?.Highlights ?? [];

    public ExtractionContent? ExtractionContent => Extraction?.Content as ExtractionContent;

    public static (int Start, int End)? Span(SpanGrounding? grounding) =>
        grounding is { Ungrounded: false, Start: { } start, End: { } end } ? (start, end) : null;
}
