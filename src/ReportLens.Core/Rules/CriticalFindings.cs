using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Builders;
using ReportLens.Core.Rules.Matching;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules;

/// <summary>
/// The critical findings a report asserts, by the same rule that makes its urgency 危急 (<see cref="Urgency"/>):
/// a critical.tsv term neither negated, uncertain nor hypothetical, in its critical context. One per term.
/// </summary>
public static class CriticalFindings
{
    public static IReadOnlyList<CriticalFinding> Find(string reportText, ReportLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reportText);
        var analysis = RulesAnalyzer.Analyze(reportText, LexiconCatalog.For(language), ct);
        var found = new List<CriticalFinding>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in analysis.Mentions)
        {
            if (mention.Critical && Urgency.EffectiveSeverity(mention) >= PhraseEntry.CriticalSeverity
                && terms.Add(TextFold.Fold(mention.Hit.Entry.Text)))
            {
                found.Add(new CriticalFinding(TextFold.Fold(mention.Hit.Entry.Text), mention.Hit.Entry.CriticalCategory ?? "",
                    mention.Hit.Start, mention.Hit.End));
            }
        }

        return found;
    }
}
