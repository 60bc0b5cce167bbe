using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Cli.LoadTest;

/// <summary>POST /api/chat on Ollama itself, with the server's prompt and schema for the type: measures the model, not ReportLens.</summary>
public sealed class OllamaChatLoadTarget(HttpClient http, string model, AnnotationType type) : ILoadTarget
{
    public string Label => $"Ollama {http.BaseAddress} directly (POST /api/chat, model {model}, {type.ToWire()}; no ReportLens server)";

    public async Task<LoadSample> SendAsync(int index, CancellationToken cancellationToken)
    {
        var body = OllamaChatBody.Create(model, type, LoadReports.Prompt, LoadReports.Text(index), ReportLanguage.Zh);
        using var response = await http.PostAsJsonAsync("api/chat", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        // Ollama's done-message: prompt_eval_count, eval_count and eval_duration (ns); absent fields stay null.
        var done = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new LoadSample(http.BaseAddress?.ToString().TrimEnd('/') ?? "ollama", model, (int?)Number(done, "prompt_eval_count"),
            (int?)Number(done, "eval_count"), null, Number(done, "eval_duration"));
    }

    private static long? Number(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public void Dispose() => http.Dispose();
}
