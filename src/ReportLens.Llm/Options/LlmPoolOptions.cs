
namespace ReportLens.Llm.Options;

/// <summary>The "Llm" section: endpoints beyond the Ollama ones, and the pool's circuit breaker.</summary>
public sealed class LlmPoolOptions
{
    public const string SectionName = "Llm";

    public List<OpenAiEndpointOptions> OpenAiEndpoints { get; set; } = [];

    /// <summary>Failed calls (at least 2) within the sampling window before an endpoint can be taken out of the pool.</summary>
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>Share of failed calls within the sampling window that takes an endpoint out (Polly's FailureRatio).</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Seconds an endpoint stays out before one probe call may bring it back.</summary>
    public double BreakerBreakSeconds { get; set; } = 15;

    /// <summary>
    /// Ask for token log-probabilities (Ollama 0.12.11+ "logprobs", OpenAI-compatible "logprobs") on non-streamed calls
    /// and derive each item's confidence from them (docs/confidence.md); servers that send none fall back.
    /// </summary>
    public bool Logprobs { get; set; } = true;

    /// <summary>Seconds between refreshes of each Ollama endpoint's model list (/api/tags).</summary>
    public double ModelRefreshSeconds { get; set; } = 30;
}
