
namespace ReportLens.Llm.Options;

/// <summary>An OpenAI-compatible endpoint (vLLM, llama.cpp server, LM Studio, SGLang): "Llm:OpenAiEndpoints:n".</summary>
public sealed class OpenAiEndpointOptions
{
    /// <summary>Shown in the backends list; defaults to the URL's authority.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The server behind the endpoint (<see cref="OpenAiServerKinds.Names"/>): decides how the schema is sent. Default openai.
    /// </summary>
    public string Kind { get; set; } = "openai";

    /// <summary>The API base, e.g. http://gpu2:8000/v1.</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as the bearer key; local servers usually accept any value.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The models this endpoint serves (OpenAI-compatible servers have no /api/tags).</summary>
    public List<string> Models { get; set; } = [];

    public int Slots { get; set; } = 4;

    /// <summary>Whether the endpoint gets de-identified report text (docs/privacy.md). Unset: yes, unless <see cref="Trusted"/>.</summary>
    public bool? Deidentify { get; set; }

    /// <summary>The admin's word that this endpoint is inside the hospital's trust boundary: it gets the original text when <see cref="Deidentify"/> is unset.</summary>
    public bool Trusted { get; set; }
}
