namespace ReportLens.Server.Configuration;

/// <summary>
/// SIGTERM ends the process within <see cref="ShutdownTimeout"/> even with analyses in flight: each request's
/// token also fires when the host starts stopping, so a rules analysis, a grounding pass, an LLM call or a
/// database command it is waiting for stops at once instead of holding Kestrel's drain until the timeout; job
/// workers stop on their own token and hand unfinished items back to the queue.
/// </summary>
public static class ShutdownExtensions
{
    /// <summary>Below the 10 s after which Docker (<c>docker stop</c>) and most supervisors send SIGKILL.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    public static IServiceCollection AddReportLensShutdown(this IServiceCollection services) =>
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

    public static IApplicationBuilder UseReportLensShutdown(this IApplicationBuilder app)
    {
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        return app.Use((context, next) =>
        {
            // Not disposed here: the exception handler outside this middleware still reads the token.
            var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.Response.RegisterForDispose(linked);
            context.RequestAborted = linked.Token;
            return next(context);
        });
    }
}
