namespace ReportLens.Llm;

public enum LlmBackendKind
{
    Ollama,
    OpenAi,
}
