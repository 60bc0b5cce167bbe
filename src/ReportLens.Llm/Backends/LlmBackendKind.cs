
namespace ReportLens.Llm.Backends;

public enum LlmBackendKind
{
    Ollama,
    OpenAi,
}
