using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Scheduling;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>Emits the reply in chunks paced by the decode rate, in the writer's shape; applies the stream faults.</summary>
internal sealed class CompletionStreamer(TimeProvider time, IReplyWriter writer)
{
    public const string StreamErrorMessage = "an error was encountered while running the model (emulator fault stream_error)";

    // Bounded so a long reply at "instant" speed does not become thousands of writes.
    private const int MaxChunks = 100;
    private static readonly TimeSpan DropGrace = TimeSpan.FromMilliseconds(100);

    /// <summary>False when a fault ended the stream early (no done line may follow).</summary>
    public async Task<bool> StreamAsync(
        HttpContext context, string content, CompletionTiming timing, FaultPlan plan, string? thinking, IReadOnlyList<LogprobEntry>? logprobs, CancellationToken ct)
    {
        writer.StartStream(context);
        await Task.Delay(timing.PromptTime, time, ct);
        if (thinking is not null)
        {
            await writer.WriteThinkingAsync(context, thinking, ct);
        }
        var chunks = Chunks(content);
        var evalStart = time.GetTimestamp();
        var charsSent = 0;
        var sent = TimeSpan.Zero;
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i == chunks.Count / 2 && (plan.DropStream || plan.StreamError))
            {
                if (plan.StreamError)
                {
                    await writer.WriteStreamErrorAsync(context, StreamErrorMessage, ct);
                    return false;
                }
                await context.Response.Body.FlushAsync(ct);
                // Let the client read what was sent, so it sees a stream that stops rather than a refused request.
                await Task.Delay(DropGrace, time, ct);
                context.Abort();
                return false;
            }
            var (text, firstPiece, pieceCount) = chunks[i];
            charsSent += text.Length;
            var share = timing.EvalTime * ((double)charsSent / Math.Max(1, content.Length));
            if (timing.EvalTime > TimeSpan.Zero)
            {
                // Paced by share of the text so the whole stream takes the modelled eval time.
                var due = share - sent - time.GetElapsedTime(evalStart);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, time, ct);
                }
            }
            // One log-probability per piece (EmulatorLogprobs): a chunk carries those of its own pieces.
            await writer.WriteChunkAsync(context, text, logprobs?.Skip(firstPiece).Take(pieceCount).ToList(), ct);
            if (i == 0)
            {
                // The rest is paced from when the first line actually left: a slow first write (a cold serializer)
                // must not squeeze the remaining lines together.
                evalStart = time.GetTimestamp();
                sent = share;
            }
        }
        return true;
    }

    private static List<(string Text, int FirstPiece, int PieceCount)> Chunks(string content)
    {
        var pieces = TokenEstimator.Pieces(content).ToList();
        var perChunk = Math.Max(1, (pieces.Count + MaxChunks - 1) / MaxChunks);
        return [.. pieces.Chunk(perChunk).Select((group, i) => (string.Concat(group), i * perChunk, group.Length))];
    }
}
