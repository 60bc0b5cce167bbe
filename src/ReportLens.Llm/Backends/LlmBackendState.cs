
namespace ReportLens.Llm.Backends;

/// <summary>An endpoint's circuit: in the pool, taken out after repeated failures, or due for a probe call.</summary>
public enum LlmBackendState
{
    Healthy,
    Open,
    HalfOpen,
}
