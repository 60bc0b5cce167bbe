namespace ReportLens.Llm;

/// <summary>An OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio): "Llm:OpenAiEndpoints:n".</summary>
public sealed class OpenAiEndpointOptions
{
    /// <summary>Shown in the backends list; defaults to the URL's authority.</summary>
    public string? Name { get; set; }

    /// <summary>The API base, e.g. http://gpu2:8000/v1.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as the bearer key; local servers usually accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The models this endpoint serves (OpenAI-compatible servers have no /api/tags).</summary>
    public List<string> Models { get; set; } = [];

    public int Slots { get; set; } = 4;
}
