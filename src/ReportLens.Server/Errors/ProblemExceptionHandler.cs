using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ReportLens.Server.Input;

namespace ReportLens.Server.Errors;

/// <summary>
/// The one place exceptions become RFC 9457 problems. Known failures get their status and a clear detail;
/// anything else is a 500 whose detail reveals nothing (the trace id finds it in the logs).
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problems, IEnumerable<IExceptionProblemMapper> mappers, IHostApplicationLifetime lifetime, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var cancelled = exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested;
        if (cancelled && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            context.Response.StatusCode = 499;
            return true;
        }

        var problem = cancelled ? ShuttingDown() : Map(exception) ?? mappers.Select(m => m.Map(exception)).FirstOrDefault(p => p is not null);
        if (problem is null)
        {
            LogUnhandled(logger, exception.GetType().Name, context.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal server error", Detail = "An unexpected error occurred; the trace id identifies it in the server log." };
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Extensions.TryGetValue(Problems.RetryAfterExtension, out var after) && after is int seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    // The client is still there: tell it to retry (another instance, or this one once restarted).
    private static ProblemDetails ShuttingDown() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Server shutting down",
        Detail = "the server is stopping and abandoned this request; retry in a moment",
        Extensions = { [Problems.RetryAfterExtension] = 5 },
    };

    private static ProblemDetails? Map(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: UnsafeTextException text } => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [FieldName(text.Path)] = [text.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        },
        BadHttpRequestException { InnerException: JsonException json } bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Invalid request body",
            Detail = json.Path is { Length: > 0 } path ? $"the value at {path} has the wrong type or is malformed" : "the request body is not valid JSON",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
            Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body exceeds the server's limit"
                : BindingFailure.Describe(bad.Message) ?? bad.Message,
        },
        _ => null,
    };

    private static string FieldName(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path ?? "body";

    // The exception message can quote request content, so only its type is logged.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string path);
}
