using System.Net;

namespace ReportLens.Llm.Errors;

/// <summary>The backend answered with an error; <see cref="Exception.Message"/> carries its own error text.</summary>
public sealed class LlmBackendException(HttpStatusCode? statusCode, string backendError, string? backend, Exception? inner = null)
    : LlmException(
        $"Ollama at {backend} failed{(statusCode is null ? "" : $" ({(int)statusCode})")}: {backendError}",
        backend,
        inner)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The backend's error text as it sent it.</summary>
    public string BackendError { get; } = backendError;

    public override bool IsTransient => StatusCode is null || (int)StatusCode >= 500;
}
