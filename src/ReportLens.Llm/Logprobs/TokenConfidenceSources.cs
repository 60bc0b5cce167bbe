using ReportLens.Llm.Annotation;

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
