using System.Text.Json;
using ReportLens.Cli.Server;

namespace ReportLens.Cli.LoadTest;

/// <summary>
/// POST /api/v1/ai/analyze-text with the synthetic load-test report (<see cref="LoadReports"/>), past the result
/// cache so a second run measures the backends again; each answer names the backend and model and their tokens.
/// </summary>
public sealed class ServerLoadTarget(ServerClient client, string serverUrl, string annotationType, string? engine, string? model) : ILoadTarget
{
    public string Label => $"ReportLens server {serverUrl} (POST /api/v1/ai/analyze-text, {annotationType}{(model is null ? "" : ", model " + model)})";

    public async Task<LoadSample> SendAsync(int index, CancellationToken cancellationToken)
    {
        var annotation = await client.PostAsync("api/v1/ai/analyze-text", new
        {
            report_content = LoadReports.Text(index),
            language = "zh",
            user_prompt = LoadReports.Prompt,
            annotation_type = annotationType,
            engine,
            model,
            cache = "bypass",
        }, cancellationToken);
        if (!annotation.TryGetProperty("backend", out var backend) || backend.GetString() is not { } name)
        {
            return LoadSample.NoModel("none");
        }

        return new LoadSample(name, annotation.GetProperty("model_name").GetString() ?? "", Int(annotation, "prompt_eval_count"),
            Int(annotation, "eval_count"), Int(annotation, "thinking_tokens"),
            annotation.TryGetProperty("timings", out var timings) && timings.TryGetProperty("eval_duration", out var eval) && eval.ValueKind == JsonValueKind.Number ? eval.GetInt64() : null,
            annotation.TryGetProperty("cached", out var cached) && cached.GetBoolean());
    }

    private static int? Int(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    public void Dispose() => client.Dispose();
}
