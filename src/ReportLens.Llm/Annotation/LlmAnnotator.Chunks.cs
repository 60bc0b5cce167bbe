using Microsoft.Extensions.Logging;
using ReportLens.Core.Annotations;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Grounding;
using ReportLens.Core.Merging;
using ReportLens.Core.Text;
using ReportLens.Llm.Logprobs;

namespace ReportLens.Llm.Annotation;

/// <summary>A report too long for the context window: one call per chunk, merged by grounded span on the whole report.</summary>
public sealed partial class LlmAnnotator
{
    private async Task<LlmAnnotationResult> AnnotateChunksAsync(AnalysisRequest request, IReadOnlyList<ReportChunk> chunks, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        LogChunked(request.Type, chunks.Count, request.ReportText.Length);
        var results = new List<LlmAnnotationResult>(chunks.Count);
        var contents = new List<AnnotationContent>(chunks.Count);
        foreach (var chunk in chunks)
        {
            var part = request with { ReportText = request.ReportText[chunk.Start..chunk.End] };
            var call = await PrepareAsync(part, cancellationToken).ConfigureAwait(false);
            var result = await AnnotateCallAsync(call, part, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            contents.Add(ChunkGrounder.Ground(request.ReportText, chunk.Start, chunk.End, OnOriginalChunk(result, cancellationToken), cancellationToken));
        }

        var first = results[0];
        return first with
        {
            Content = ChunkMerger.Merge(contents),
            RawReply = string.Join("\n---\n", results.Select(r => r.RawReply)),
            RejectedReplies = [.. results.SelectMany(r => r.RejectedReplies)],
            Thought = results.Any(r => r.Thought),
            ThinkingTokens = Sum(results, r => r.ThinkingTokens),
            PromptTokens = Sum(results, r => r.PromptTokens),
            OutputTokens = Sum(results, r => r.OutputTokens),
            TotalDurationNs = Sum(results, r => r.TotalDurationNs),
            LoadDurationNs = Sum(results, r => r.LoadDurationNs),
            PromptEvalDurationNs = Sum(results, r => r.PromptEvalDurationNs),
            EvalDurationNs = Sum(results, r => r.EvalDurationNs),
            SchemaRepairs = results.Sum(r => r.SchemaRepairs),
            Chunks = chunks.Count,
            // Each chunk's content is already back on the original text: the merged result needs no map back.
            Deidentified = null,
            DeidentifiedChunks = results.Any(r => r.Deidentified is not null),
            TokenProbability = results.All(r => r.TokenProbability is not null) ? results.Average(r => r.TokenProbability!.Value) : null,
            TokenConfidenceSource = results.Select(r => r.TokenConfidenceSource).Distinct().Count() == 1 ? first.TokenConfidenceSource : TokenConfidenceSources.Unavailable,
            NumCtx = results.Max(r => r.NumCtx),
            PromptTruncated = results.Any(r => r.PromptTruncated),
            Elapsed = _time.GetElapsedTime(started),
            QueueWait = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.QueueWait),
        };
    }

    // A chunk sent to an endpoint that gets de-identified text: its items come back onto the original chunk first.
    private static AnnotationContent OnOriginalChunk(LlmAnnotationResult result, CancellationToken cancellationToken) =>
        result.Deidentified is { } deid
            ? DeidentifiedContent.ToOriginal(Grounder.Ground(deid.Text, result.Content, options: null, cancellationToken).Content, deid)
            : result.Content;

    private static int? Sum(List<LlmAnnotationResult> results, Func<LlmAnnotationResult, int?> value) =>
        results.All(r => value(r) is null) ? null : results.Sum(r => value(r) ?? 0);

    private static long? Sum(List<LlmAnnotationResult> results, Func<LlmAnnotationResult, long?> value) =>
        results.All(r => value(r) is null) ? null : results.Sum(r => value(r) ?? 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Type}: report of {Length} characters does not fit the context window; analysing it in {Chunks} chunks")]
    private partial void LogChunked(AnnotationType type, int chunks, int length);
}
