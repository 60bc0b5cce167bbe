using Microsoft.Extensions.AI;
using ReportLens.Llm.Logprobs;

namespace ReportLens.Llm.Reasoning;

/// <summary>
/// A reply with the model's reasoning taken out: Ollama's separate <c>thinking</c> field (reasoning content, never
/// part of the text) and <c>&lt;think&gt;…&lt;/think&gt;</c> blocks a model writes into its answer.
/// </summary>
internal sealed record ModelReply(string Answer, bool Thought)
{
    /// <summary>The reply's tokens with their log-probabilities, when the backend sent them.</summary>
    public IReadOnlyList<TokenLogprob>? Tokens { get; init; }

    private const string Open = "<think>";
    private const string Close = "</think>";

    /// <summary>True when the model reasoned and nothing but whitespace is left to parse.</summary>
    public bool OnlyThought => Thought && string.IsNullOrWhiteSpace(Answer);

    public static ModelReply From(ChatResponse response, IReadOnlyList<TokenLogprob>? tokens = null) =>
        Strip(response.Text, response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Any(r => r.Text.Length > 0)) with
        {
            Tokens = tokens ?? OpenAiTokens(response.RawRepresentation),
        };

    /// <summary>A streamed reply's tokens: OpenAI-compatible servers send each chunk's logprobs with it; null when none came.</summary>
    public static IReadOnlyList<TokenLogprob>? StreamedTokens(IEnumerable<ChatResponseUpdate> updates)
    {
        var tokens = updates
            .Select(u => u.RawRepresentation)
            .OfType<OpenAI.Chat.StreamingChatCompletionUpdate>()
            .SelectMany(u => u.ContentTokenLogProbabilities)
            .ToList();
        return tokens.Count > 0 ? Convert(tokens) : null;
    }

    private static IReadOnlyList<TokenLogprob>? OpenAiTokens(object? raw) =>
        raw is OpenAI.Chat.ChatCompletion { ContentTokenLogProbabilities: { Count: > 0 } tokens } ? Convert(tokens) : null;

    private static List<TokenLogprob> Convert(IEnumerable<OpenAI.Chat.ChatTokenLogProbabilityDetails> tokens) =>
        [.. tokens.Select(t => new TokenLogprob(t.Token, t.LogProbability, t.Utf8Bytes?.ToArray()))];

    public static ModelReply Strip(string text, bool thoughtSeparately = false)
    {
        var open = text.IndexOf(Open, StringComparison.Ordinal);
        if (open < 0)
        {
            return new ModelReply(text, thoughtSeparately);
        }

        var answer = new System.Text.StringBuilder(text.Length);
        var from = 0;
        while (open >= 0)
        {
            answer.Append(text, from, open - from);
            var close = text.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            // An unclosed block is reasoning cut off by the output limit: nothing after it is an answer.
            from = close < 0 ? text.Length : close + Close.Length;
            open = close < 0 ? -1 : text.IndexOf(Open, from, StringComparison.Ordinal);
        }

        answer.Append(text, from, text.Length - from);
        return new ModelReply(answer.ToString().Trim(), Thought: true);
    }
}
