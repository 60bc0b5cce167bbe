namespace ReportLens.Llm;

/// <summary>Is an LLM endpoint reachable, and does it have the configured model? Answers are cached for a few seconds.</summary>
public interface ILlmHealthProbe
{
    Task<LlmHealthReport> CheckAsync(CancellationToken cancellationToken);
}
