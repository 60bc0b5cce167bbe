using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm;

/// <summary>The activity source of the LLM calls (GenAI spans); the server traces every "ReportLens.*" source.</summary>
public static class LlmTelemetry
{
    public const string SourceName = "ReportLens.Llm";
}
