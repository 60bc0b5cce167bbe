using Microsoft.AspNetCore.Mvc;
using ReportLens.Llm;
using ReportLens.Server.Errors;
using ReportLens.Llm.Errors;

namespace ReportLens.Server.Analysis;

/// <summary>
/// LLM failures as the API reports them: the backend is down, the configured model is not pulled or the queue is
/// full → 503 (with what to do); a model the client chose is not available → 404 listing the available ones; the
/// call timed out → 504; the model's answer was unusable → 502.
/// </summary>
public sealed class LlmProblemMapper(IServiceProvider services) : IExceptionProblemMapper
{
    public ProblemDetails? Map(Exception exception) => exception switch
    {
        LlmUnavailableException e => Problem(StatusCodes.Status503ServiceUnavailable, "LLM backend unavailable", e),
        LlmModelNotFoundException e => ModelNotFound(e),
        LlmBusyException e => Problem(StatusCodes.Status503ServiceUnavailable, "LLM backend busy", e),
        LlmQueueFullException e => WithRetryAfter(Problem(StatusCodes.Status503ServiceUnavailable, "LLM queue full", e), e.RetryAfter),
        LlmTimeoutException e => Problem(StatusCodes.Status504GatewayTimeout, "LLM call timed out", e),
        LlmSchemaException e => Problem(StatusCodes.Status502BadGateway, "Model reply did not match the schema", e),
        LlmThinkingOnlyException e => Problem(StatusCodes.Status502BadGateway, "Model only reasoned and gave no answer", e),
        LlmException e => Problem(StatusCodes.Status502BadGateway, "LLM backend error", e),
        _ => null,
    };

    // A client-chosen model no backend has is the client's mistake (404, with what it may ask for); the configured
    // model missing is the operator's (503).
    private ProblemDetails ModelNotFound(LlmModelNotFoundException e)
    {
        var models = services.GetRequiredService<ModelLabels>();
        var configured = models.For(null) == models.Normalize(e.Model);
        var problem = Problem(configured ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status404NotFound, "Model not available", e);
        problem.Extensions["available_models"] = models.Available();
        return problem;
    }

    /// <summary>Seconds the client should wait, as <see cref="Errors.Problems.RetryAfterExtension"/>; the handler copies it to the Retry-After header.</summary>
    private static ProblemDetails WithRetryAfter(ProblemDetails problem, TimeSpan after)
    {
        problem.Extensions[Problems.RetryAfterExtension] = (int)Math.Max(1, Math.Ceiling(after.TotalSeconds));
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, LlmException e)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = e.Message };
        if (e.Backend is not null)
        {
            problem.Extensions["backend"] = e.Backend;
        }

        return problem;
    }
}
