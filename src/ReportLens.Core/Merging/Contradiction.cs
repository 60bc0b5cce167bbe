namespace ReportLens.Core.Merging;

/// <summary>
/// One engine asserts an abnormality at a span the other engine marks negated. Kind is
/// <see cref="LlmAbnormalRulesNegated"/> or <see cref="RulesAbnormalLlmNegated"/>; offsets are the LLM item's UTF-16 span.
/// </summary>
public sealed record Contradiction
{
    public const string LlmAbnormalRulesNegated = "llm_abnormal_rules_negated";
    public const string RulesAbnormalLlmNegated = "rules_abnormal_llm_negated";

    public required string Kind { get; init; }
    public required string LlmText { get; init; }
    public required string RulesText { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
}
