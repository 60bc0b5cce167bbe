
namespace ReportLens.Llm.Health;

/// <summary>Is an LLM endpoint reachable, and does it have the configured model? Answers are cached for a few seconds.</summary>
public interface ILlmHealthProbe
{
    Task<LlmHealthReport> CheckAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For request paths, which must not wait on a probe: the last report at once, refreshed in the background when
    /// it is older than the cache time. Only the very first call waits for a probe.
    /// </summary>
    Task<LlmHealthReport> LatestAsync(CancellationToken cancellationToken);
}
