using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportLens.Llm.Logprobs;

/// <summary>
/// For a non-streamed /api/chat call made under a <see cref="LogprobsCapture"/>: adds <c>"logprobs": true</c> to the
/// request and reads the reply's <c>logprobs</c> array ({token, logprob, bytes}) before OllamaSharp parses the rest.
/// Every other request passes untouched.
/// </summary>
internal sealed class OllamaLogprobsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var capture = LogprobsCapture.Current;
        if (capture is null || request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/api/chat", StringComparison.Ordinal) != true
            || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) as JsonObject;
        if (body is null || (bool?)body["stream"] != false)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        body["logprobs"] = true;
        var headers = request.Content.Headers.ContentType;
        request.Content = JsonContent.Create(body);
        request.Content.Headers.ContentType = headers;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        capture.Tokens = Read(text);
        var replaced = new StringContent(text);
        replaced.Headers.ContentType = response.Content.Headers.ContentType;
        response.Content = replaced;
        return response;
    }

    internal static IReadOnlyList<TokenLogprob>? Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("logprobs", out var array) && array.ValueKind == JsonValueKind.Array
                ? [.. array.EnumerateArray().Select(t => new TokenLogprob(
                    t.GetProperty("token").GetString() ?? "",
                    t.GetProperty("logprob").GetDouble(),
                    t.TryGetProperty("bytes", out var b) && b.ValueKind == JsonValueKind.Array ? [.. b.EnumerateArray().Select(x => (byte)x.GetInt32())] : null))]
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }
}
