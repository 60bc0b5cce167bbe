using System.Net.Http.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Cli.LoadTest;

/// <summary>POST /api/chat on Ollama itself, with the server's prompt and schema for the type: measures the model, not ReportLens.</summary>
public sealed class OllamaChatLoadTarget(HttpClient http, string model, AnnotationType type) : ILoadTarget
{
    public string Label => $"Ollama {http.BaseAddress} directly (POST /api/chat, model {model}, {type.ToWire()}; no ReportLens server)";

    public async Task SendAsync(int index, CancellationToken cancellationToken)
    {
        var body = OllamaChatBody.Create(model, type, LoadReports.Prompt, LoadReports.Text(index), ReportLanguage.Zh);
        using var response = await http.PostAsJsonAsync("api/chat", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => http.Dispose();
}
