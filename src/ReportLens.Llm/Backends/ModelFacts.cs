using ReportLens.Llm.Annotation;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Backends;

/// <summary>
/// What the backend says about a model (Ollama's /api/show): its context window in tokens and whether it can think
/// (capability "thinking"). Null and false when unknown: nothing is sent that the backend might refuse.
/// </summary>
internal sealed record ModelFacts(int? ContextLength, bool Thinks)
{
    public static ModelFacts Unknown { get; } = new(null, false);
}
