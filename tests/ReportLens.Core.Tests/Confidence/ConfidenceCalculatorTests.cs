using System.Text.Json;
using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Confidence;
using ReportLens.Core.Json;

namespace ReportLens.Core.Tests.Confidence;

public sealed class ConfidenceCalculatorTests
{
    private static readonly Gen<ConfidenceEvidence> Evidence =
        from engine in Gen.Enum<EngineKind>()
        from schema in Gen.Enum<SchemaOutcome>()
        from grounded in Gen.Double[0, 1]
        from agreement in Gen.Double[0, 1].Nullable()
        from contradictions in Gen.Int[0, 4]
        select new ConfidenceEvidence
        {
            Engine = engine,
            Schema = schema,
            GroundedFraction = grounded,
            AgreementRatio = engine == EngineKind.Hybrid ? agreement : null,
            ContradictionCount = contradictions,
        };

    [Theory]
    [InlineData(EngineKind.Hybrid, SchemaOutcome.ValidFirstTry, 1.0, 1.0, 0, 1.0)]
    [InlineData(EngineKind.Hybrid, SchemaOutcome.ValidFirstTry, 0.5, 0.5, 0, 0.53)]
    [InlineData(EngineKind.Hybrid, SchemaOutcome.ValidAfterRepair, 1.0, 1.0, 1, 0.7)]
    [InlineData(EngineKind.Llm, SchemaOutcome.ValidFirstTry, 1.0, null, 0, 0.8)]
    [InlineData(EngineKind.Llm, SchemaOutcome.ValidFirstTry, 0.0, null, 0, 0.32)]
    [InlineData(EngineKind.Llm, SchemaOutcome.Invalid, 1.0, null, 0, 0.0)]
    [InlineData(EngineKind.Rules, SchemaOutcome.ValidFirstTry, 1.0, null, 0, 0.75)]
    [InlineData(EngineKind.Rules, SchemaOutcome.ValidFirstTry, 1.0, null, 6, 0.0)]
    public void Compute_KnownEvidence_FollowsDocumentedFormula(EngineKind engine, SchemaOutcome schema, double grounded, double? agreement, int contradictions, double expected)
    {
        var report = ConfidenceCalculator.Compute(new ConfidenceEvidence
        {
            Engine = engine,
            Schema = schema,
            GroundedFraction = grounded,
            AgreementRatio = agreement,
            ContradictionCount = contradictions,
        });

        Assert.Equal(expected, report.Value);
    }

    [Fact]
    public void Compute_Report_SerialisesFactorsSnakeCase()
    {
        var report = ConfidenceCalculator.Compute(new ConfidenceEvidence { Engine = EngineKind.Hybrid, GroundedFraction = 0.5, AgreementRatio = 1, ContradictionCount = 1 });

        var json = JsonSerializer.Serialize(report, ReportLensJson.Options);

        Assert.Contains("\"value\":0.55", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"grounded_fraction\",\"input\":0.5,\"contribution\":0.7}", json, StringComparison.Ordinal);
        Assert.Equal(["schema", "grounded_fraction", "agreement", "engine_cap", "rules_items", "token_probability", "contradictions"], report.Factors.Select(f => f.Name));
    }

    [Fact]
    public void Compute_AnyEvidence_IsInUnitIntervalWithTwoDecimals()
    {
        Evidence.Sample(e =>
        {
            var value = ConfidenceCalculator.Compute(e).Value;
            Assert.InRange(value, 0, 1);
            Assert.Equal(Math.Round(value, 2), value);
        });
    }

    [Fact]
    public void Compute_MoreGrounding_NeverLowersIt()
    {
        Gen.Select(Evidence, Gen.Double[0, 1]).Sample((e, extra) =>
        {
            var more = e with { GroundedFraction = Math.Min(1, e.GroundedFraction + extra) };
            Assert.True(ConfidenceCalculator.Compute(more).Value >= ConfidenceCalculator.Compute(e).Value);
        });
    }

    [Fact]
    public void Compute_MoreAgreement_NeverLowersIt()
    {
        Gen.Select(Evidence, Gen.Double[0, 1]).Sample((e, extra) =>
        {
            var hybrid = e with { Engine = EngineKind.Hybrid, AgreementRatio = e.AgreementRatio ?? 0 };
            var more = hybrid with { AgreementRatio = Math.Min(1, hybrid.AgreementRatio!.Value + extra) };
            Assert.True(ConfidenceCalculator.Compute(more).Value >= ConfidenceCalculator.Compute(hybrid).Value);
        });
    }

    [Fact]
    public void Compute_AContradiction_AlwaysLowersANonZeroConfidence()
    {
        Evidence.Sample(e =>
        {
            var before = ConfidenceCalculator.Compute(e).Value;
            var after = ConfidenceCalculator.Compute(e with { ContradictionCount = e.ContradictionCount + 1 }).Value;
            Assert.True(before == 0 ? after == 0 : after < before, $"{before} -> {after}");
        });
    }

    [Fact]
    public void Compute_RulesOnly_NeverExceedsCap()
    {
        Evidence.Sample(e =>
            Assert.True(ConfidenceCalculator.Compute(e with { Engine = EngineKind.Rules, AgreementRatio = null }).Value <= ConfidenceCalculator.RulesCap));
    }

    [Fact]
    public void Compute_RepairedOrInvalidSchema_NeverRaisesIt()
    {
        Evidence.Sample(e =>
        {
            var first = ConfidenceCalculator.Compute(e with { Schema = SchemaOutcome.ValidFirstTry }).Value;
            var repaired = ConfidenceCalculator.Compute(e with { Schema = SchemaOutcome.ValidAfterRepair }).Value;
            var invalid = ConfidenceCalculator.Compute(e with { Schema = SchemaOutcome.Invalid }).Value;
            Assert.True(first >= repaired && repaired >= invalid && invalid == 0);
        });
    }

    [Theory]
    [InlineData(null, 0.75)]
    [InlineData(1.0, 0.75)]
    [InlineData(0.8, 0.6)]
    public void Compute_RulesWithItemConfidence_ScalesUnderTheCap(double? items, double expected)
    {
        var report = ConfidenceCalculator.Compute(new ConfidenceEvidence { Engine = EngineKind.Rules, RulesItemConfidence = items });

        Assert.Equal(expected, report.Value);
    }

    [Fact]
    public void Compute_LlmWithItemConfidence_IgnoresIt()
    {
        var report = ConfidenceCalculator.Compute(new ConfidenceEvidence { Engine = EngineKind.Llm, RulesItemConfidence = 0.2 });

        Assert.Equal(0.8, report.Value);
    }
}
