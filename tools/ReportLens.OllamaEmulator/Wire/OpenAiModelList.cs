namespace ReportLens.OllamaEmulator.Wire;

/// <summary>GET /v1/models: {"object": "list", "data": [...]}.</summary>
internal sealed record OpenAiModelList(IReadOnlyList<OpenAiModel> Data)
{
    public string Object => "list";
}
