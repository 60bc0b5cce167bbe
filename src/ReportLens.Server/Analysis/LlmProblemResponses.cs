using ReportLens.Server.Errors;

namespace ReportLens.Server.Analysis;

public static class LlmProblemResponses
{
    /// <summary>Declares for OpenAPI what <see cref="LlmProblemMapper"/> answers when the model is called: 404 (model not available), 502, 503, 504.</summary>
    public static RouteHandlerBuilder ProducesLlmProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);
}
