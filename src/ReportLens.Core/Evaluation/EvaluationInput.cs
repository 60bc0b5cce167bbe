using ReportLens.Core.Annotations;

namespace ReportLens.Core.Evaluation;

/// <summary>
/// One report's gold and what an engine returned for it. A null content for an attempted type is a failure
/// (no valid output); types not in <see cref="Attempted"/> are not scored.
/// </summary>
public sealed record EvaluationInput
{
    public static IReadOnlyList<AnnotationType> AllScoredTypes { get; } =
        [AnnotationType.Highlight, AnnotationType.Classification, AnnotationType.Extraction];

    public required GoldReport Gold { get; init; }
    public HighlightContent? Highlights { get; init; }
    public ClassificationContent? Classification { get; init; }
    public ExtractionContent? Extraction { get; init; }
    public IReadOnlyList<AnnotationType> Attempted { get; init; } = AllScoredTypes;
    /// <summary>Wall time of all of this report's calls.</summary>
    public double LatencyMs { get; init; }
    public int? PromptTokens { get; init; }
    public int? CompletionTokens { get; init; }
}
