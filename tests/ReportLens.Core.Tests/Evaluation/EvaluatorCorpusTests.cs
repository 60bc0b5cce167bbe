using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

public sealed class EvaluatorCorpusTests
{
    private static readonly IReadOnlyList<GoldReport> Corpus =
        GoldFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl"));

    [Fact]
    public void Evaluate_GoldAsPrediction_ScoresPerfectlyOnTheCorpus()
    {
        var report = Evaluator.Evaluate(Corpus.Select(Perfect));

        Assert.Equal(Corpus.Count, report.ReportCount);
        Assert.All(report.Classification, d => Assert.Equal(1.0, d.Accuracy));
        Assert.Equal(1.0, report.HighlightExact.F1);
        Assert.Equal(1.0, report.Findings.F1);
        Assert.Equal(1.0, report.MeasurementValues.F1);
        Assert.Equal(1.0, report.Locations.F1);
        Assert.Equal((1.0, 1.0), (report.Negation.Accuracy, report.Negation.Coverage));
        Assert.Equal(1.0, report.GroundedFraction);
        Assert.Equal(0, report.SchemaFailures);
    }

    [Fact]
    public void Evaluate_NegationFlipped_ScoresZeroNegationAccuracy()
    {
        var flipped = Corpus.Select(g => Perfect(g with { Findings = [.. g.Findings.Select(f => f with { Negated = !f.Negated })] }) with { Gold = g });

        var report = Evaluator.Evaluate(flipped);

        Assert.Equal(0.0, report.Negation.Accuracy);
        Assert.Equal(1.0, report.Negation.Coverage);
    }

    private static SpanGrounding Claimed(int start) => new() { Match = GroundingMatch.Exact, Start = start };

    /// <summary>An engine that answers exactly what the gold says, with offsets of the listed occurrence.</summary>
    private static EvaluationInput Perfect(GoldReport gold)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int Occurrence(string kind, string text)
        {
            var key = kind + ":" + text;
            var k = seen.GetValueOrDefault(key);
            seen[key] = k + 1;
            var start = -1;
            for (var i = 0; i <= k; i++)
            {
                var next = gold.Text.IndexOf(text, start + 1, StringComparison.Ordinal);
                start = next < 0 ? start : next;
            }

            return start;
        }

        var findings = gold.Findings.Select(f => new Finding { Text = f.Text, Negated = f.Negated, Abnormal = f.Abnormal, Grounding = Claimed(Occurrence("finding", f.Text)) }).ToList();
        return new EvaluationInput
        {
            Gold = gold,
            LatencyMs = 10,
            Highlights = new HighlightContent
            {
                Highlights =
                [
                    .. findings.Select(f => new HighlightItem
                    {
                        Text = f.Text,
                        Category = f.Abnormal || f.Negated ? HighlightCategories.Abnormal : HighlightCategories.Location,
                        Negated = f.Negated,
                        Start = f.Grounding!.Start!.Value,
                    }),
                ],
            },
            Classification = new ClassificationContent
            {
                // Written out from the gold fields, not through Evaluator.Expected, so a wrong mapping there fails.
                Classifications =
                [
                    new ClassificationItem { Dimension = "紧急程度", Category = gold.Urgency },
                    new ClassificationItem { Dimension = "检查部位", Category = gold.BodyPart },
                    new ClassificationItem { Dimension = "检查类型", Category = gold.Modality },
                    new ClassificationItem { Dimension = "是否需要随访", Category = gold.FollowUp ? "是" : "否" },
                    new ClassificationItem { Dimension = "是否需要进一步检查", Category = gold.FurtherExam ? "是" : "否" },
                ],
            },
            Extraction = new ExtractionContent
            {
                FindingDetails = findings,
                Measurements = [.. gold.Measurements.Select(m => new Measurement { Item = m.Item ?? "", Value = m.Value, Unit = m.Unit, Text = m.Text, Grounding = Claimed(Occurrence("measurement", m.Text)) })],
                LocationDetails = [.. gold.Locations.Select(l => new GroundedText { Text = l, Grounding = Claimed(Occurrence("location", l)) })],
            },
        };
    }
}
