using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Concurrency;

/// <summary>Interactive calls (a user waiting) take a free slot before batch calls (jobs).</summary>
public enum LlmPriority
{
    Interactive,
    Batch,
}
