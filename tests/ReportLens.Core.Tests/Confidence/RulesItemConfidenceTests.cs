using CsCheck;
using ReportLens.Core.Confidence;

namespace ReportLens.Core.Tests.Confidence;

public sealed class RulesItemConfidenceTests
{
    private static readonly Gen<RulesItemEvidence> Evidence =
        from distance in Gen.Int[0, 40]
        from uncertain in Gen.Bool
        from terminator in Gen.Bool
        from unknown in Gen.Double[0, 1]
        from contradiction in Gen.Bool
        from list in Gen.Bool
        select new RulesItemEvidence
        {
            CueDistance = distance,
            Uncertain = uncertain,
            AfterTerminator = terminator,
            UnknownShare = unknown,
            ContradictsImpression = contradiction,
            ListScope = list,
        };

    [Fact]
    public void Compute_CleanShortStatement_IsMostConfident()
    {
        var clean = RulesItemConfidence.Compute(new RulesItemEvidence { CueDistance = 1 });

        Assert.Equal(1.0, clean.Value);
        Assert.Equal(["base", "cue_distance", "uncertain_cue", "after_scope_terminator", "unknown_words", "contradicts_impression", "list_scope"],
            clean.Factors.Select(f => f.Name));
    }

    [Fact]
    public void Compute_EachSignOfMisreading_LowersConfidence()
    {
        var clean = RulesItemConfidence.Compute(new RulesItemEvidence()).Value;

        Assert.All(new[]
        {
            new RulesItemEvidence { CueDistance = 12 },
            new RulesItemEvidence { Uncertain = true },
            new RulesItemEvidence { AfterTerminator = true },
            new RulesItemEvidence { UnknownShare = 0.5 },
            new RulesItemEvidence { ContradictsImpression = true },
            new RulesItemEvidence { ListScope = true },
        }, e => Assert.True(RulesItemConfidence.Compute(e).Value < clean, e.ToString()));
    }

    [Fact]
    public void Compute_AnyEvidence_IsInUnitRangeAndNeverRisesWithDistanceOrUnknownWords()
    {
        Evidence.Sample(e =>
        {
            var value = RulesItemConfidence.Compute(e).Value;
            var further = RulesItemConfidence.Compute(e with { CueDistance = e.CueDistance + 5 }).Value;
            var vaguer = RulesItemConfidence.Compute(e with { UnknownShare = Math.Min(1, e.UnknownShare + 0.3) }).Value;
            return value is >= 0 and <= 1 && Math.Round(value, 2) == value && further <= value && vaguer <= value;
        });
    }
}
