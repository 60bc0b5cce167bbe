
namespace ReportLens.Llm.Backends;

/// <summary>
/// What the backend says about a model (Ollama's /api/show): its context window in tokens and whether it can think
/// (capability "thinking"). Null and false when unknown: nothing is sent that the backend might refuse.
/// </summary>
internal sealed record ModelFacts(int? ContextLength, bool Thinks)
{
    public static ModelFacts Unknown { get; } = new(null, false);
}
