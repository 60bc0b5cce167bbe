using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ReportLens.Llm;

/// <summary>
/// Runs one model call on a chosen endpoint under OLLAMA_TIMEOUT, telling a timeout from the caller's
/// cancellation, and turns every failure into an <see cref="LlmException"/>.
/// </summary>
internal sealed class LlmCallRunner(IOptions<OllamaOptions> options, TimeProvider time)
{
    private readonly TimeSpan _timeout = options.Value.RequestTimeout;

    public async Task<(string Reply, LlmCallMetrics Metrics)> GetAsync(
        LlmBackend backend, string model, IList<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = time.GetTimestamp();
        try
        {
            var response = await backend.ChatClient(model).GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
            var metrics = LlmCallMetrics.From(response, null);
            OnSuccess(backend, started, metrics);
            return (response.Text, metrics);
        }
        catch (Exception e) when (Fail(e, backend, model, timeout, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    /// <summary>Streams the reply's updates; the last one carries usage and, for Ollama, the done-message.</summary>
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
        var updates = new List<ChatResponseUpdate>();
        var enumerator = backend.ChatClient(model).GetStreamingResponseAsync(messages, chatOptions, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception e) when (Fail(e, backend, model, timeout, cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                updates.Add(enumerator.Current);
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        OnSuccess(backend, started, LlmCallMetrics.From(updates.ToChatResponse(), updates.LastOrDefault()?.RawRepresentation));
    }

    private void OnSuccess(LlmBackend backend, long started, LlmCallMetrics metrics) =>
        backend.Stats.Record(time.GetElapsedTime(started), metrics);

    private LlmException? Fail(Exception error, LlmBackend backend, string model, CancellationTokenSource timeout, CancellationToken callerToken) =>
        LlmErrors.Translate(error, backend, model, _timeout, timeout.IsCancellationRequested, callerToken.IsCancellationRequested);
}
