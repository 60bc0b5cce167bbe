using System.Text.Json;

namespace ReportLens.Llm.Backends;

/// <summary>
/// Turns an error response into an <see cref="HttpRequestException"/> whose message is the backend's own error
/// text ({"error":"..."} from Ollama, {"error":{"message":"..."}} from OpenAI-compatible servers) and whose
/// StatusCode is set. OllamaSharp would otherwise throw "Response status code does not indicate success" for
/// 404/500/503 and lose Ollama's explanation.
/// </summary>
internal sealed class BackendErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(ErrorText(body) ?? response.ReasonPhrase ?? "error", null, response.StatusCode);
        }
    }

    internal static string? ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                return error.ValueKind switch
                {
                    JsonValueKind.String => error.GetString(),
                    JsonValueKind.Object when error.TryGetProperty("message", out var m) => m.GetString(),
                    _ => error.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's HTML page, say. Keep a short prefix of it as the text.
        }

        var text = body.Trim();
        return text.Length == 0 ? null : text[..Math.Min(text.Length, 300)];
    }
}
