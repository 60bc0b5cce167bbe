using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Cli.LoadTest;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Bench;

/// <summary>Calls an emulator's /api/chat directly with the messages and schema the server would send: a client without the server, and the baseline for overhead.</summary>
internal sealed class DirectCaller(Uri emulator) : IDisposable
{
    public const string Model = "qwen2.5:7b";
    private readonly HttpClient _http = new() { BaseAddress = emulator, Timeout = TimeSpan.FromMinutes(5) };

    public async Task CallAsync(string reportText, AnnotationType type, CancellationToken ct)
    {
        var body = OllamaChatBody.Create(Model, type, "", reportText, ReportLanguage.Zh);
        using var response = await _http.PostAsJsonAsync("/api/chat", body, ct);
        response.EnsureSuccessStatusCode();
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        _ = reply.RootElement.GetProperty("message").GetProperty("content").GetString();
    }

    public void Dispose() => _http.Dispose();
}
