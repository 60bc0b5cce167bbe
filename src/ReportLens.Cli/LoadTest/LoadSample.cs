namespace ReportLens.Cli.LoadTest;

/// <summary>
/// What one successful request said it cost: the backend and model that answered, their token counts and, where
/// the backend reports it (Ollama), its generation time. Cached: answered from the result cache (no backend work).
/// </summary>
public sealed record LoadSample(string Backend, string Model, int? PromptTokens, int? OutputTokens, int? ThinkingTokens, long? EvalNs, bool Cached = false)
{
    /// <summary>A request that reached no model (the rules engine).</summary>
    public static LoadSample NoModel(string backend) => new(backend, "rules", null, null, null, null);
}
