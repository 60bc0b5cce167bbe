using ReportLens.Core.Annotations;

namespace ReportLens.Core.Confidence;

/// <summary>
/// Item confidence from the model's token probabilities (docs/confidence.md): <see cref="Attach"/> puts each item's
/// probability on its highlight or finding as it leaves the model; <see cref="Combine"/> turns it into the item's
/// confidence once the annotation's evidence-based value is known: evidence × probability.
/// </summary>
public static class TokenConfidence
{
    public const string Factor = "token_probability";

    /// <summary>One probability per highlight, or per finding, in order; any other content is returned as it is.</summary>
    public static AnnotationContent Attach(AnnotationContent content, IReadOnlyList<double> probabilities) => content switch
    {
        HighlightContent h when h.Highlights.Count == probabilities.Count => h with
        {
            Highlights = [.. h.Highlights.Select((item, i) => item with { Confidence = Probability(probabilities[i]) })],
        },
        ExtractionContent e when e.Findings.Count == probabilities.Count => e with
        {
            FindingDetails =
            [
                .. (e.FindingDetails.Count > 0 ? e.FindingDetails : e.Findings.Select(text => new Finding { Text = text }))
                    .Select((item, i) => item with { Confidence = Probability(probabilities[i]) }),
            ],
        },
        _ => content,
    };

    /// <summary>Items that carry a token probability get confidence = <paramref name="evidence"/> × probability.</summary>
    public static AnnotationContent Combine(AnnotationContent content, double evidence) => content switch
    {
        HighlightContent h => h with { Highlights = [.. h.Highlights.Select(i => i with { Confidence = Combine(i.Confidence, evidence) })] },
        ExtractionContent e => e with { FindingDetails = [.. e.FindingDetails.Select(f => f with { Confidence = Combine(f.Confidence, evidence) })] },
        _ => content,
    };

    private static ConfidenceReport Probability(double p) => new(Round(p), [new(Factor, p, p)]);

    private static ConfidenceReport? Combine(ConfidenceReport? item, double evidence) =>
        item is { Factors: [{ Name: Factor, Input: { } p }] }
            ? new ConfidenceReport(Round(evidence * p), [new("evidence", evidence, evidence), new(Factor, p, p)])
            : item;

    private static double Round(double value) => Math.Round(Math.Clamp(value, 0, 1) + 1e-9, 2, MidpointRounding.AwayFromZero);
}
