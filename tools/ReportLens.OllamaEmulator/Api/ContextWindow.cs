using System.Text.Json;
using ReportLens.OllamaEmulator.Content;
using ReportLens.OllamaEmulator.Scheduling;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// Ollama's silent truncation: a prompt longer than num_ctx (the request's options.num_ctx, else the default, never
/// more than the model's context length) loses its beginning; prompt_eval_count reports what was kept. Here the
/// report loses its first characters, so the model never sees them.
/// </summary>
internal static class ContextWindow
{
    public static int NumCtx(JsonElement? options, EmulatorOptions emulator)
    {
        var asked = options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("num_ctx", out var n) && n.TryGetInt32(out var v) && v > 0
            ? v
            : emulator.DefaultNumCtx;
        return Math.Min(asked, emulator.ContextLength);
    }

    /// <summary>The input as the model sees it and the prompt tokens it evaluated.</summary>
    public static (CompletionInput Input, int PromptTokens) Fit(CompletionInput input, int promptTokens, int numCtx)
    {
        var excess = promptTokens - numCtx;
        if (excess <= 0)
        {
            return (input, promptTokens);
        }

        var user = input.LastUser;
        var report = ReportText.Extract(user);
        var at = report.Length == 0 ? -1 : user.IndexOf(report, StringComparison.Ordinal);
        if (at < 0)
        {
            return (input, numCtx);
        }

        var cut = 0;
        var removed = 0.0;
        while (cut < report.Length && removed < excess)
        {
            removed += TokenEstimator.IsCjk(report[cut]) ? 1 : 0.25;
            cut++;
        }

        return (input with { LastUser = string.Concat(user.AsSpan(0, at), user.AsSpan(at + cut)) }, numCtx);
    }
}
