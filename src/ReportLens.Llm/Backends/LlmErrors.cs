using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using OllamaSharp.Models.Exceptions;
using ReportLens.Llm.Errors;

namespace ReportLens.Llm.Backends;

/// <summary>Maps what the HTTP stack, OllamaSharp and the OpenAI client throw onto the <see cref="LlmException"/> family.</summary>
internal static class LlmErrors
{
    /// <summary>The LLM exception for <paramref name="error"/>, or null when it is not a backend failure (e.g. the caller cancelled).</summary>
    public static LlmException? Translate(Exception error, LlmBackend backend, string model, TimeSpan timeout, bool timedOut, bool callerCancelled)
    {
        if (error is LlmException llm)
        {
            return llm;
        }

        if (error is OperationCanceledException)
        {
            return callerCancelled ? null
                : timedOut ? new LlmTimeoutException(timeout, backend.Name, error)
                // Neither we nor the caller cancelled: SocketsHttpHandler's connect timeout fired.
                : LlmUnavailableException.For(backend.Name, error);
        }

        var http = Find<HttpRequestException>(error);
        var status = http?.StatusCode ?? StatusOf(Find<ClientResultException>(error));
        if (status is null)
        {
            if (http is not null || Find<SocketException>(error) is not null)
            {
                return LlmUnavailableException.For(backend.Name, error);
            }

            return Find<OllamaException>(error) is { } ollama ? new LlmBackendException(null, ollama.Message, backend.Name, error) : null;
        }

        var text = http?.Message ?? error.Message;
        return status switch
        {
            HttpStatusCode.NotFound => new LlmModelNotFoundException(model, backend.Name, text),
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests => new LlmBusyException(backend.Name, text),
            _ => new LlmBackendException(status, text, backend.Name, error),
        };
    }

    private static HttpStatusCode? StatusOf(ClientResultException? e) => e is { Status: > 0 } ? (HttpStatusCode)e.Status : null;

    private static T? Find<T>(Exception? error) where T : Exception
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
