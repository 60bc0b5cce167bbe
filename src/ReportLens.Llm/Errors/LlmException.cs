
namespace ReportLens.Llm.Errors;

/// <summary>A model call that did not produce a valid annotation. <see cref="IsTransient"/> tells jobs whether a retry may help.</summary>
public abstract class LlmException(string message, string? backend, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The endpoint's name (its URL for Ollama), when one was chosen.</summary>
    public string? Backend { get; } = backend;

    public abstract bool IsTransient { get; }
}
