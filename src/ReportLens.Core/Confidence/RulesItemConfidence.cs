using ReportLens.Core.Annotations;

namespace ReportLens.Core.Confidence;

/// <summary>
/// Confidence of one rules finding from how it was read: a clean, short, fully covered statement starts high and
/// each sign of a misreading multiplies it down. The constants were fitted on the gold corpus (docs/confidence.md,
/// with the reliability table); <see cref="ConfidenceReport.Factors"/> lists each multiplier with its input.
/// </summary>
public static class RulesItemConfidence
{
    public const double Base = 1.0;
    public const int FreeCueDistance = 3;
    public const double PerExtraCueWord = 0.015;
    public const double MaxDistancePenalty = 0.3;
    public const double UncertainFactor = 0.88;
    public const double TerminatorFactor = 0.9;
    public const double UnknownWeight = 0.1;
    public const double ContradictionFactor = 0.8;
    public const double ListScopeFactor = 0.95;

    public static ConfidenceReport Compute(RulesItemEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var distance = 1 - Math.Min(MaxDistancePenalty, PerExtraCueWord * Math.Max(0, evidence.CueDistance - FreeCueDistance));
        var uncertain = evidence.Uncertain ? UncertainFactor : 1;
        var terminator = evidence.AfterTerminator ? TerminatorFactor : 1;
        var unknownShare = double.IsNaN(evidence.UnknownShare) ? 0 : Math.Clamp(evidence.UnknownShare, 0, 1);
        var unknown = 1 - (UnknownWeight * unknownShare);
        var contradiction = evidence.ContradictsImpression ? ContradictionFactor : 1;
        var list = evidence.ListScope ? ListScopeFactor : 1;
        var value = Base * distance * uncertain * terminator * unknown * contradiction * list;
        return new ConfidenceReport(Math.Round(Math.Clamp(value, 0, 1) + 1e-9, 2, MidpointRounding.AwayFromZero),
        [
            new("base", null, Base),
            new("cue_distance", evidence.CueDistance, distance),
            new("uncertain_cue", evidence.Uncertain ? 1 : 0, uncertain),
            new("after_scope_terminator", evidence.AfterTerminator ? 1 : 0, terminator),
            new("unknown_words", unknownShare, unknown),
            new("contradicts_impression", evidence.ContradictsImpression ? 1 : 0, contradiction),
            new("list_scope", evidence.ListScope ? 1 : 0, list),
        ]);
    }

    /// <summary>The mean confidence of an annotation's items that carry one (highlights, findings); null when none does.</summary>
    public static double? Mean(AnnotationContent content)
    {
        IEnumerable<ConfidenceReport?> reports = content switch
        {
            HighlightContent h => h.Highlights.Select(i => i.Confidence),
            ExtractionContent e => e.FindingDetails.Select(f => f.Confidence),
            _ => [],
        };
        var values = reports.Where(r => r is not null).Select(r => r!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
