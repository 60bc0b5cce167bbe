using System.Numerics;
using Microsoft.Extensions.Options;
using ReportLens.Core.Text;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Context;

/// <summary>
/// Sizes num_ctx so system prompt + user message + schema + the expected reply fit, as a power of two between
/// Ollama's default 4096 and the window (the model's context_length from /api/show, capped by Ollama:MaxNumCtx):
/// few distinct sizes, because Ollama reloads a model whose num_ctx changes. A report that does not fit is cut into
/// chunks on sentence and section boundaries with overlap (<see cref="ReportChunker"/>).
/// </summary>
internal sealed class ContextPlanner(IOptions<OllamaOptions> options)
{
    public const int OllamaDefaultNumCtx = 4096;

    /// <summary>The reply quotes the report: as many tokens as the report, within these bounds.</summary>
    private const int ReplyMargin = 256;
    private const int MaxReplyTokens = 4096;

    public ContextPlan Plan(string fixedText, string schema, string report, ReportLanguage language, ModelFacts facts)
    {
        var window = Math.Min(facts.ContextLength ?? options.Value.MaxNumCtx, options.Value.MaxNumCtx);
        var fixedTokens = TokenEstimate.Upper(fixedText) + TokenEstimate.Upper(schema);
        var reportTokens = TokenEstimate.Upper(report);
        var needed = fixedTokens + reportTokens + Reply(reportTokens);
        if (needed <= window)
        {
            return new ContextPlan(Size(needed, window), null);
        }

        // reportTokens + reply(reportTokens) ≤ room, with the reply as long as the chunk.
        var room = window - fixedTokens - ReplyMargin;
        var chunkTokens = Math.Max(64, Math.Max(room / 2, room - MaxReplyTokens));
        var charsPerToken = report.Length / (double)Math.Max(1, reportTokens);
        var maxChars = Math.Max(200, (int)(chunkTokens * charsPerToken));
        var chunks = ReportChunker.Chunk(report, language, maxChars, overlapChars: maxChars / 10);
        return new ContextPlan(window, chunks.Count > 1 ? chunks : null);
    }

    private static int Reply(int reportTokens) => Math.Min(reportTokens, MaxReplyTokens) + ReplyMargin;

    private static int Size(int needed, int window) =>
        Math.Min(window, Math.Max(OllamaDefaultNumCtx, (int)BitOperations.RoundUpToPowerOf2((uint)needed)));
}
