
namespace ReportLens.Llm.Analysis;

public interface ILlmStatusProvider
{
    Task<LlmStatus> GetStatusAsync(CancellationToken ct);

    /// <summary>The last known status at once (refreshed in the background), for choosing an engine per request.</summary>
    Task<LlmStatus> GetLatestStatusAsync(CancellationToken ct);
}
