
namespace ReportLens.Llm;

/// <summary>The activity source of the LLM calls (GenAI spans); the server traces every "ReportLens.*" source.</summary>
public static class LlmTelemetry
{
    public const string SourceName = "ReportLens.Llm";
}
