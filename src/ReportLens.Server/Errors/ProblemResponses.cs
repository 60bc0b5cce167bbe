using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Errors;

public static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>
    /// Declares for OpenAPI the problems that the middleware, not the handler, answers with: 401 when the endpoint
    /// requires a signed-in user, 403 when its policy excludes a role (every role may read), 429 when a rate limit
    /// applies, 400 and 413 when it reads a JSON body (malformed or over the size limit). Handlers declare their own
    /// (404, 409, 502…) with ProducesProblem where they are mapped.
    /// </summary>
    public static TBuilder WithMiddlewareProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // "Finally" sees the metadata of every other convention (RequireAuthorization on the endpoint or its group).
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
            var statuses = new List<int>();
            if (!anonymous && policies.Count > 0)
            {
                statuses.Add(StatusCodes.Status401Unauthorized);
                if (policies.Any(p => p != Policies.Read))
                {
                    statuses.Add(StatusCodes.Status403Forbidden);
                }
            }

            if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
            {
                statuses.Add(StatusCodes.Status429TooManyRequests);
            }

            if (metadata.OfType<IAcceptsMetadata>().Any())
            {
                statuses.Add(StatusCodes.Status400BadRequest);
                statuses.Add(StatusCodes.Status413PayloadTooLarge);
            }

            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            foreach (var status in statuses.Where(declared.Add))
            {
                metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
            }
        });
        return builder;
    }
}
