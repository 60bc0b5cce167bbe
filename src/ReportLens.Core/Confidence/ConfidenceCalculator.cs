using ReportLens.Core.Annotations;

namespace ReportLens.Core.Confidence;

/// <summary>
/// Confidence from evidence, not from the model's token count (reasoning in docs/confidence.md):
/// value = clamp(min(schema × grounding × agreement, cap) × rules items × token probability − 0.15 × contradictions, 0, 1),
/// rounded to 2 decimals.
/// </summary>
public static class ConfidenceCalculator
{
    public const double RepairedSchema = 0.85;
    public const double GroundingFloor = 0.4;
    public const double UnconfirmedLlm = 0.8;
    public const double AgreementFloor = 0.5;
    public const double RulesCap = 0.75;
    public const double ContradictionPenalty = 0.15;

    public static ConfidenceReport Compute(ConfidenceEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var schema = evidence.Schema switch
        {
            SchemaOutcome.ValidFirstTry => 1.0,
            SchemaOutcome.ValidAfterRepair => RepairedSchema,
            _ => 0.0,
        };
        var groundedFraction = Clamp(evidence.GroundedFraction);
        var grounding = GroundingFloor + ((1 - GroundingFloor) * groundedFraction);
        var agreement = evidence.AgreementRatio is { } ratio
            ? AgreementFloor + ((1 - AgreementFloor) * Clamp(ratio))
            : evidence.Engine == EngineKind.Rules ? 1.0 : UnconfirmedLlm;
        var items = evidence.Engine == EngineKind.Rules && evidence.RulesItemConfidence is { } mean ? Clamp(mean) : 1.0;
        var tokens = evidence.Engine != EngineKind.Rules && evidence.TokenProbability is { } probability ? Clamp(probability) : 1.0;
        var raw = schema * grounding * agreement;
        var cap = evidence.Engine == EngineKind.Rules ? RulesCap : 1.0;
        var capped = Math.Min(raw, cap);
        var contradictions = Math.Max(0, evidence.ContradictionCount);
        // The cap bounds what the rules can know (they miss what their lexicons do not name); how well they read
        // what they did find scales the value under it.
        var scaled = capped * items * tokens;
        var penalised = Math.Max(0, scaled - (ContradictionPenalty * contradictions));

        // The epsilon makes decimal midpoints (0.7 × 0.75 = 0.525) round up as a reader computing by hand expects.
        return new ConfidenceReport(Math.Min(1, Math.Round(penalised + 1e-9, 2, MidpointRounding.AwayFromZero)),
        [
            new("schema", schema, schema),
            new("grounded_fraction", groundedFraction, grounding),
            new("agreement", evidence.AgreementRatio, agreement),
            new("engine_cap", cap, capped - raw),
            new("rules_items", evidence.Engine == EngineKind.Rules ? evidence.RulesItemConfidence : null, items),
            new(TokenConfidence.Factor, evidence.Engine != EngineKind.Rules ? evidence.TokenProbability : null, tokens),
            new("contradictions", contradictions, penalised - scaled),
        ]);
    }

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
