using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// Why 紧急程度 is what it is: every asserted finding at the deciding level (<see cref="Urgency.EffectiveSeverity"/>),
/// in reading order, each grounded at its own span, so "危急" names each pneumothorax or bleed that set it.
/// </summary>
internal static class UrgencyBasis
{
    public static IReadOnlyList<GroundedText> Of(ReportAnalysis analysis, int severity)
    {
        var spans = new SpanFactory(analysis.Text);
        var basis = new List<GroundedText>();
        foreach (var finding in analysis.Findings)
        {
            foreach (var mention in finding.Mentions)
            {
                if (Urgency.EffectiveSeverity(mention) == severity)
                {
                    basis.Add(new GroundedText { Text = analysis.Text[finding.Start..finding.End], Grounding = spans.Exact(finding.Start, finding.End) });
                    break;
                }
            }
        }

        if (basis.Count == 0 && analysis.Decisive is { } decisive)
        {
            // A deciding term outside any extracted finding still names itself.
            basis.Add(new GroundedText { Text = decisive.Hit.TextOf(analysis.Text), Grounding = spans.Exact(decisive.Hit.Start, decisive.Hit.End) });
        }

        return basis;
    }
}
