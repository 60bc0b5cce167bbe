using System.Net;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Health;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;

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
