using System.Text.Json;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>Writes Ollama-shaped bodies: single JSON objects, NDJSON lines, {"error":"..."}.</summary>
internal static class OllamaResults
{
    public const string NdJson = "application/x-ndjson";
    public const string Busy = "server busy, please try again.  maximum pending requests exceeded";

    public static string ModelNotFound(string model) => $"model '{model}' not found";

    public static async Task WriteJsonAsync<T>(HttpContext context, int status, T body, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, EmulatorJson.Options, ct);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string message, CancellationToken ct) =>
        WriteJsonAsync(context, status, new ErrorResponse(message), ct);

    public static void StartStream(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = NdJson;
    }

    public static async Task WriteLineAsync<T>(HttpContext context, T line, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, EmulatorJson.Options);
        await context.Response.Body.WriteAsync(bytes, ct);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
        await context.Response.Body.FlushAsync(ct);
    }

    /// <summary>Reads a JSON body; null (and a 400 written) when it is not valid JSON of that shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context, CancellationToken ct) where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, EmulatorJson.Options, ct);
            if (body is null)
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "missing request body", ct);
            }
            return body;
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"invalid request body: {e.Message}", ct);
            return null;
        }
    }
}
