using ReportLens.Core.Rules.Analysis;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// 紧急程度 from the most severe asserted finding. A critical finding counts as 危急 only when it is certain;
/// an uncertain one counts as 异常严重 (and asks for further examination). A hypothetical mention (a limit of the
/// exam, a condition to exclude) raises nothing.
/// </summary>
internal static class Urgency
{
    public static int EffectiveSeverity(FindingMention mention) =>
        mention.Negated || mention.Hypothetical ? 0 : mention.Critical && mention.Uncertain ? 3 : mention.Severity;

    /// <summary>The deciding asserted mention, or null for a report with no asserted abnormality.</summary>
    public static FindingMention? Decisive(ReportAnalysis analysis)
    {
        FindingMention? best = null;
        foreach (var mention in analysis.Mentions)
        {
            if (EffectiveSeverity(mention) > (best is null ? 0 : EffectiveSeverity(best)))
            {
                best = mention;
            }
        }

        return best;
    }
}
