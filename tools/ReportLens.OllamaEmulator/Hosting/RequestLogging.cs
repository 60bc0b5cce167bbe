using System.Diagnostics;

namespace ReportLens.OllamaEmulator.Hosting;

/// <summary>One line per request with method, path, status and duration; bodies carry patient text and are never logged.</summary>
internal static partial class RequestLogging
{
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app, ILogger logger) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Log(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {ElapsedMs:0.0}ms")]
    private static partial void Log(ILogger logger, string method, string path, int status, double elapsedMs);
}
