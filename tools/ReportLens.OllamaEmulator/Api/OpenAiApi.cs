using System.Text.Json;
using ReportLens.OllamaEmulator.Hosting;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// The OpenAI-compatible API of vLLM, llama.cpp server, LM Studio and SGLang: POST /v1/chat/completions (served by
/// the same <see cref="InferenceRunner"/> as /api/chat) and GET /v1/models.
/// </summary>
internal static class OpenAiApi
{
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/chat/completions", ChatCompletionsAsync);
        app.MapGet("/v1/models", (EmulatorRuntime runtime) => Results.Json(
            new OpenAiModelList([.. runtime.Models.Available().Select(m =>
                new OpenAiModel(m.Name, m.ModifiedAt.ToUnixTimeSeconds(), "reportlens-emulator", runtime.Options.ContextLength))]),
            EmulatorJson.Options));
        return app;
    }

    private static async Task ChatCompletionsAsync(HttpContext context, InferenceRunner runner, EmulatorRuntime runtime)
    {
        var ct = context.RequestAborted;
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            await BadRequestAsync(context, runtime, $"invalid request body: {e.Message}", ct);
            return;
        }

        var (request, call, error) = OpenAiRequestReader.Read(body, runtime.Options);
        if (request is null || call is null)
        {
            await BadRequestAsync(context, runtime, error!, ct);
            return;
        }

        await runner.RunAsync(context, request, new OpenAiReplyWriter(call, runtime.Time));
    }

    private static Task BadRequestAsync(HttpContext context, EmulatorRuntime runtime, string message, CancellationToken ct) =>
        new OpenAiReplyWriter(new OpenAiCall("", false, 0), runtime.Time).WriteErrorAsync(context, StatusCodes.Status400BadRequest, message, ct);
}
