using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Logprobs;

/// <summary>Values of <see cref="LlmAnnotationResult.TokenConfidenceSource"/>, stored with the call as token_confidence.</summary>
public static class TokenConfidenceSources
{
    /// <summary>Item confidence includes the model's token probabilities.</summary>
    public const string Logprobs = "logprobs";

    /// <summary>Asked for, but the backend sent none (Ollama before 0.12.11, a streamed call): evidence only.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Llm:Logprobs is false: evidence only.</summary>
    public const string Off = "off";
}
