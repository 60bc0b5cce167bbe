using System.Net.Http.Json;

namespace ReportLens.Cli.LoadTest;

/// <summary>POST /api/chat on Ollama itself, in the project's prompt message format: measures the model, not ReportLens.</summary>
public sealed class OllamaChatLoadTarget(HttpClient http, string model) : ILoadTarget
{
    public string Label => $"Ollama {http.BaseAddress} directly (POST /api/chat, model {model}; no ReportLens server)";

    public async Task SendAsync(int index, CancellationToken cancellationToken)
    {
        var user = $"用户需求: {LoadReports.Prompt}\n\n报告内容:\n<report>\n{LoadReports.Text(index)}\n</report>\n\n请严格按照JSON格式返回分析结果。";
        using var response = await http.PostAsJsonAsync("api/chat", new
        {
            model,
            stream = false,
            format = "json",
            messages = new[]
            {
                new { role = "system", content = "你是放射科报告分析助手。提取报告中的关键发现，以JSON返回。" },
                new { role = "user", content = user },
            },
        }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public void Dispose() => http.Dispose();
}
