namespace ReportLens.Llm.Analysis;

public interface ILlmStatusProvider
{
    Task<LlmStatus> GetStatusAsync(CancellationToken ct);
}
