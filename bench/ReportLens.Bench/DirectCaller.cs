using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;

namespace ReportLens.Bench;

/// <summary>Calls an emulator's /api/chat directly with the messages and schema the server would send: the seed's way, and the baseline for overhead.</summary>
internal sealed class DirectCaller(Uri emulator) : IDisposable
{
    public const string Model = "qwen2.5:7b";
    private static readonly AnnotationSchemas Schemas = new();
    private readonly HttpClient _http = new() { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(5) };

    public async Task CallAsync(string reportText, AnnotationType type, CancellationToken ct)
    {
        var prompts = PromptLibrary.Default;
        var body = new
        {
            model = Model,
            stream = false,
            format = Schemas.Get(type),
            options = new { temperature = prompts.DefaultTemperature(type) },
            messages = new[]
            {
                new { role = "system", content = prompts.Get(type, ReportLanguage.Zh) },
                new { role = "user", content = prompts.BuildUserMessage("", reportText, ReportLanguage.Zh) },
            },
        };
        using var response = await _http.PostAsJsonAsync("/api/chat", body, ct);
        response.EnsureSuccessStatusCode();
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        _ = reply.RootElement.GetProperty("message").GetProperty("content").GetString();
    }

    public void Dispose() => _http.Dispose();
}
