namespace ReportLens.Core.Annotations;

/// <summary>Which engine produced an annotation: the LLM, the deterministic rules, or both merged.</summary>
public enum EngineKind
{
    Llm,
    Rules,
    Hybrid,
}
