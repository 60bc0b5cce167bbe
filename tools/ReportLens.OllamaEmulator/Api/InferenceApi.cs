using ReportLens.OllamaEmulator.Scheduling;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>POST /api/chat and POST /api/generate.</summary>
internal static class InferenceApi
{
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", ChatAsync);
        app.MapPost("/api/generate", GenerateAsync);
        return app;
    }

    private static async Task ChatAsync(HttpContext context, InferenceRunner runner)
    {
        var body = await OllamaResults.ReadAsync<ChatRequest>(context, context.RequestAborted);
        if (body is null || !await RequireModelAsync(context, body.Model))
        {
            return;
        }
        await runner.RunAsync(context, new InferenceRequest
        {
            Model = body.Model!,
            IsChat = true,
            Messages = body.Messages ?? [],
            Stream = body.Stream ?? true,
            Format = body.Format,
            KeepAlive = KeepAlive.Parse(body.KeepAlive),
            Think = InferenceRequest.ParseThink(body.Think),
            Options = body.Options,
            Logprobs = body.Logprobs == true,
        });
    }

    private static async Task GenerateAsync(HttpContext context, InferenceRunner runner)
    {
        var body = await OllamaResults.ReadAsync<GenerateRequest>(context, context.RequestAborted);
        if (body is null || !await RequireModelAsync(context, body.Model))
        {
            return;
        }
        List<OllamaMessage> messages = [];
        if (!string.IsNullOrEmpty(body.System))
        {
            messages.Add(new OllamaMessage { Role = "system", Content = body.System });
        }
        if (!string.IsNullOrEmpty(body.Prompt))
        {
            messages.Add(new OllamaMessage { Role = "user", Content = body.Prompt });
        }
        await runner.RunAsync(context, new InferenceRequest
        {
            Model = body.Model!,
            IsChat = false,
            Messages = messages,
            Stream = body.Stream ?? true,
            Format = body.Format,
            KeepAlive = KeepAlive.Parse(body.KeepAlive),
            Think = InferenceRequest.ParseThink(body.Think),
            Options = body.Options,
        });
    }

    private static async Task<bool> RequireModelAsync(HttpContext context, string? model)
    {
        if (!string.IsNullOrWhiteSpace(model))
        {
            return true;
        }
        await OllamaResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "model is required", context.RequestAborted);
        return false;
    }
}
