using ReportLens.OllamaEmulator.Scheduling;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>The latency model: prompt_tokens/prompt_tps + output_tokens/decode_tps per slot.</summary>
internal sealed record CompletionTiming(int PromptTokens, int EvalTokens, TimeSpan PromptTime, TimeSpan EvalTime)
{
    public static CompletionTiming For(InferenceRequest request, string content, EmulatorOptions options)
    {
        var promptTokens = request.Messages.Sum(m => TokenEstimator.Count(m.Content));
        var evalTokens = Math.Max(1, TokenEstimator.Count(content));
        return new CompletionTiming(promptTokens, evalTokens,
            Duration(promptTokens, options.PromptTokensPerSecond), Duration(evalTokens, options.DecodeTokensPerSecond));
    }

    public static TimeSpan Duration(int tokens, double tokensPerSecond) =>
        tokensPerSecond > 0 ? TimeSpan.FromSeconds(tokens / tokensPerSecond) : TimeSpan.Zero;
}
