using ReportLens.Core.Rules.Analysis;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The report's diagnostic statements: the sentences of its impression section, or, without one, the last
/// sentence that states a finding.
/// </summary>
internal static class DiagnosisStatements
{
    public static (IReadOnlyList<TextUnit> Sentences, bool FromImpression) Of(ReportAnalysis analysis)
    {
        // Advice written into the impression ("Recommend PET-CT and biopsy") is not a diagnosis.
        var withFindings = new HashSet<int>();
        foreach (var finding in analysis.Findings)
        {
            withFindings.Add(finding.Clause.Sentence);
        }

        var impression = new List<TextUnit>();
        foreach (var s in analysis.Parts.Sentences)
        {
            if (s.Section.Kind == SectionKind.Impression && (withFindings.Contains(s.Sentence) || !RecommendationScan.IsAdvice(analysis, s.Start)))
            {
                impression.Add(s);
            }
        }

        if (impression.Count > 0)
        {
            return (impression, true);
        }

        for (var i = analysis.Mentions.Count - 1; i >= 0; i--)
        {
            if (analysis.Parts.SentenceAt(analysis.Mentions[i].Hit.Start) is { } sentence)
            {
                return ([sentence], false);
            }
        }

        return ([], false);
    }
}
