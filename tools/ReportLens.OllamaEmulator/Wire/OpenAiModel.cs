namespace ReportLens.OllamaEmulator.Wire;

/// <summary>One model of /v1/models; max_model_len as vLLM reports the context window.</summary>
internal sealed record OpenAiModel(string Id, long Created, string OwnedBy, int MaxModelLen)
{
    public string Object => "model";
}
