using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Server;

/// <summary>The REST API of a running server; failures become one line ("title: detail" of its ProblemDetails).</summary>
public sealed class ServerClient : IDisposable
{
    private readonly HttpClient _http;

    public ServerClient(string baseUrl, string? token, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw CliException.Usage($"--server: not an http(s) URL: {baseUrl}");
        }

        _http = new HttpClient { BaseAddress = uri, Timeout = timeout ?? TimeSpan.FromMinutes(10) };
        if (!string.IsNullOrWhiteSpace(token))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public static ServerClient From(CliContext context) => new(context.ServerUrl!, context.Token);

    public async Task<JsonElement> PostAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        (await SendAsync(() => _http.PostAsJsonAsync(path.TrimStart('/'), body, ReportLensJson.Options, cancellationToken), null, cancellationToken)).Body;

    /// <summary>POSTs a new resource: true when created, false when the server already has it (409 Conflict).</summary>
    public async Task<bool> TryCreateAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        (await SendAsync(() => _http.PostAsJsonAsync(path.TrimStart('/'), body, ReportLensJson.Options, cancellationToken),
            HttpStatusCode.Conflict, cancellationToken)).Status != HttpStatusCode.Conflict;

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(() => _http.GetAsync(path.TrimStart('/'), cancellationToken), null, cancellationToken)).Body;

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        Func<Task<HttpResponseMessage>> send, HttpStatusCode? expectedFailure, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"server unreachable: {_http.BaseAddress} ({ex.Message})", ExitCodes.Failure, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"server did not answer in time: {_http.BaseAddress}", ExitCodes.Failure, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode && response.StatusCode != expectedFailure)
            {
                throw new CliException(ProblemText(response, body));
            }

            return (response.StatusCode, body.Length == 0 ? default : JsonElement.Parse(body));
        }
    }

    private static string ProblemText(HttpResponseMessage response, string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            if (title is not null)
            {
                return detail is null ? $"{title} (HTTP {(int)response.StatusCode})" : $"{title}: {detail}";
            }
        }
        catch (JsonException)
        {
            // Not a ProblemDetails body: fall back to the status line.
        }

        return $"server answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    public void Dispose() => _http.Dispose();
}
