
namespace ReportLens.Llm.Errors;

/// <summary>
/// A reasoning model spent its reply thinking and gave no answer (no JSON after its reasoning was removed). Not a
/// schema failure: there was nothing to repair. Choose a model that can answer without thinking, or one that honours
/// <c>think: false</c>.
/// </summary>
public sealed class LlmThinkingOnlyException(string model, string? backend)
    : LlmException(
        $"The model '{model}' only reasoned and returned no answer (its reply held thinking text and no JSON). " +
        "Use a model that honours think=false, or a non-reasoning model.",
        backend)
{
    public string Model { get; } = model;

    public override bool IsTransient => false;
}
