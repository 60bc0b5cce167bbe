using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Builders;

/// <summary>The countable facts the scores are computed from.</summary>
internal sealed record ReportFacts
{
    public bool HasFindings { get; init; }
    public bool HasImpression { get; init; }
    public bool ImpressionUncertain { get; init; }
    public bool HasModality { get; init; }
    public bool HasBodyPart { get; init; }
    public bool HasRecommendation { get; init; }
    public bool Abnormal { get; init; }
    public bool Severe { get; init; }
    public int AbnormalFindings { get; init; }
    public int NegatedFindings { get; init; }
    public int WithLocation { get; init; }
    public int WithSize { get; init; }
    public int Measurements { get; init; }
    public int WithUnit { get; init; }
    public int MultiDimensional { get; init; }
    public int NeedSize { get; init; }
    public int SizedNeedSize { get; init; }
    public IReadOnlyList<int> SentenceLengths { get; init; } = [];

    public static ReportFacts Of(ReportAnalysis analysis)
    {
        var parts = analysis.Parts;
        // The impression restates the findings: detail and sizes are judged where findings are described, and on
        // the impression only when the report has nothing else.
        var abnormal = analysis.Findings.Where(f => f.Abnormal && f.Clause.Section.Kind != SectionKind.Impression).ToList();
        if (abnormal.Count == 0)
        {
            abnormal = [.. analysis.Findings.Where(f => f.Abnormal)];
        }

        int withLocation = 0, withSize = 0, needSize = 0, sizedNeedSize = 0;
        var locatedSentences = parts.Locations.Select(l => l.Clause.Sentence).ToHashSet();
        var sizedSentences = analysis.Measurements.Select(m => parts.SentenceIndexAt(m.Start)).ToHashSet();
        foreach (var finding in abnormal)
        {
            var located = locatedSentences.Contains(finding.Clause.Sentence);
            var sized = sizedSentences.Contains(finding.Clause.Sentence);
            withLocation += located ? 1 : 0;
            withSize += sized ? 1 : 0;
            if (finding.Mentions.Any(m => !m.Negated && m.Hit.Entry.HasFlag('s')))
            {
                needSize++;
                sizedNeedSize += sized ? 1 : 0;
            }
        }

        var (diagnoses, fromImpression) = analysis.Diagnoses;
        var diagnosisSentences = diagnoses.Select(d => d.Sentence).ToHashSet();
        var decisive = analysis.Decisive;
        return new ReportFacts
        {
            HasFindings = parts.Sections.Any(s => s.Kind == SectionKind.Findings) || analysis.Findings.Any(f => f.Clause.Section.Kind == SectionKind.Preamble)
                || parts.Locations.Count > 0,
            HasImpression = fromImpression,
            ImpressionUncertain = analysis.Findings.Any(f => f.Uncertain && diagnosisSentences.Contains(f.Clause.Sentence)),
            HasModality = analysis.Hits(PhraseKind.Modality).Any(h => h.Entry.Value >= 3),
            HasBodyPart = parts.Locations.Count > 0,
            HasRecommendation = parts.Sections.Any(s => s.Kind == SectionKind.Recommendation)
                || analysis.Hits(PhraseKind.Recommendation).Any(h => h.Entry.Label == "cue"),
            Abnormal = decisive is not null,
            Severe = decisive is not null && Urgency.EffectiveSeverity(decisive) >= 3,
            AbnormalFindings = abnormal.Count,
            NegatedFindings = analysis.Findings.Count(f => f.Negated),
            WithLocation = withLocation,
            WithSize = withSize,
            Measurements = analysis.Measurements.Count,
            WithUnit = analysis.Measurements.Count(m => m.Unit.Length > 0),
            MultiDimensional = analysis.Measurements.Count(m => m.HasDimensions),
            NeedSize = needSize,
            SizedNeedSize = sizedNeedSize,
            SentenceLengths = [.. parts.Sentences.Select(s => analysis.English ? WordCount(analysis.Text, s) : s.Length)],
        };
    }

    private static int WordCount(string text, TextUnit sentence) =>
        text.AsSpan(sentence.Start, sentence.Length).Count(' ') + 1;
}
