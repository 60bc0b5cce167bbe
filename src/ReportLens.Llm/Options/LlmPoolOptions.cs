namespace ReportLens.Llm;

/// <summary>The "Llm" section: endpoints beyond the Ollama ones, and the pool's circuit breaker.</summary>
public sealed class LlmPoolOptions
{
    public const string SectionName = "Llm";

    public List<OpenAiEndpointOptions> OpenAiEndpoints { get; set; } = [];

    /// <summary>Consecutive failed calls that take an endpoint out of the pool.</summary>
    public int BreakerFailureThreshold { get; set; } = 3;

    /// <summary>Seconds an endpoint stays out before one probe call may bring it back.</summary>
    public double BreakerBreakSeconds { get; set; } = 15;

    /// <summary>Seconds between refreshes of each Ollama endpoint's model list (/api/tags).</summary>
    public double ModelRefreshSeconds { get; set; } = 30;
}
