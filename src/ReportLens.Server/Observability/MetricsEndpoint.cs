using Prometheus;

namespace ReportLens.Server.Observability;

internal static class MetricsEndpoint
{
    public static async Task HandleAsync(
        HttpContext context, CollectorRegistry registry, ObservabilitySettings settings, IProblemDetailsService problems)
    {
        var decision = MetricsAccess.Decide(
            context.Connection.RemoteIpAddress, context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            settings.MetricsToken);
        if (decision != MetricsAccessDecision.Allowed)
        {
            var status = decision == MetricsAccessDecision.Unauthorized ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            }

            context.Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = status,
                    Title = "Metrics are not public",
                    Detail = settings.MetricsToken is null
                        ? "Without METRICS_TOKEN, /metrics answers loopback clients only."
                        : "Send 'Authorization: Bearer <METRICS_TOKEN>'.",
                },
            });
            return;
        }

        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }
}
