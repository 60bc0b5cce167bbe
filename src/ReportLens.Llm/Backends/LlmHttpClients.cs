
namespace ReportLens.Llm.Backends;

/// <summary>Names of the IHttpClientFactory clients the LLM layer uses.</summary>
public static class LlmHttpClients
{
    public const string Backend = "ReportLens.Llm.Backend";
}
