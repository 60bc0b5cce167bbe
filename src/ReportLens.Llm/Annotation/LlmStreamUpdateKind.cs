using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Annotation;

public enum LlmStreamUpdateKind
{
    /// <summary>A piece of the model's reply as it arrives.</summary>
    Text,

    /// <summary>The reply failed the schema; the repair attempt's text follows.</summary>
    Repair,

    /// <summary>The last update: the validated result.</summary>
    Result,
}
