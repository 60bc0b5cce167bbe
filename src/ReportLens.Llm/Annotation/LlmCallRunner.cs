using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;

namespace ReportLens.Llm.Annotation;

/// <summary>
/// Runs one model call on a chosen endpoint through its circuit breaker and under OLLAMA_TIMEOUT, telling a
/// timeout from the caller's cancellation, and turns every failure into an <see cref="LlmException"/>.
/// </summary>
internal sealed class LlmCallRunner(IOptions<OllamaOptions> options, IOptions<LlmPoolOptions> pool, TimeProvider time)
{
    private readonly TimeSpan _timeout = options.Value.RequestTimeout;

    /// <summary>Llm:Logprobs: ask every non-streamed call for token log-probabilities (item confidence).</summary>
    public bool Logprobs { get; } = pool.Value.Logprobs;

    public Task<(ModelReply Reply, LlmCallMetrics Metrics)> GetAsync(
        LlmBackend backend, string model, IList<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken) =>
        backend.Breaker.ExecuteAsync(backend, async token =>
        {
            using var timeout = new CancellationTokenSource(_timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
            var started = time.GetTimestamp();
            try
            {
                using var logprobs = Logprobs ? LogprobsCapture.Begin() : default;
                var response = await backend.ChatClient(model).GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
                var metrics = LlmCallMetrics.From(response, null);
                backend.Stats.Record(time.GetElapsedTime(started), metrics);
                return (ModelReply.From(response, logprobs.Capture?.Tokens), metrics);
            }
            catch (Exception e) when (Fail(e, backend, model, timeout, token) is { } mapped)
            {
                throw mapped;
            }
        }, cancellationToken);

    /// <summary>
    /// Streams the reply's updates; the last one carries usage and, for Ollama, the done-message. The breaker
    /// judges the start of the stream (connection, status, first chunk), where an endpoint's failures show.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(
        LlmBackend backend,
        string model,
        IList<ChatMessage> messages,
        ChatOptions chatOptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        // The stats need only the usage and the last update (Ollama's done-message); the caller merges the reply.
        UsageDetails? usage = null;
        ChatResponseUpdate? last = null;
        var enumerator = backend.ChatClient(model).GetStreamingResponseAsync(messages, chatOptions, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            var more = await backend.Breaker.ExecuteAsync(backend, _ => MoveNextAsync(enumerator, backend, model, timeout, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            while (more)
            {
                last = enumerator.Current;
                AddUsage(ref usage, last);
                yield return last;
                more = await MoveNextAsync(enumerator, backend, model, timeout, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        var metrics = LlmCallMetrics.From(new ChatResponse { Usage = usage }, last?.RawRepresentation);
        backend.Stats.Record(time.GetElapsedTime(started), metrics);
    }

    /// <summary>Sums the update's usage contents the way <see cref="ChatResponseExtensions.ToChatResponse(IEnumerable{ChatResponseUpdate})"/> does.</summary>
    private static void AddUsage(ref UsageDetails? usage, ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            if (content is UsageContent { Details: var details })
            {
                (usage ??= new UsageDetails()).Add(details);
            }
        }
    }

    private async ValueTask<bool> MoveNextAsync(
        IAsyncEnumerator<ChatResponseUpdate> enumerator, LlmBackend backend, string model, CancellationTokenSource timeout, CancellationToken callerToken)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (Fail(e, backend, model, timeout, callerToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private LlmException? Fail(Exception error, LlmBackend backend, string model, CancellationTokenSource timeout, CancellationToken callerToken)
    {
        var mapped = LlmErrors.Translate(error, backend, model, _timeout, timeout.IsCancellationRequested, callerToken.IsCancellationRequested);
        if (mapped is not null)
        {
            backend.RecordFailure(mapped);
        }

        return mapped;
    }
}
