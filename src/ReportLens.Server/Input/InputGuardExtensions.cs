using Microsoft.AspNetCore.Http.Json;

namespace ReportLens.Server.Input;

/// <summary>Wiring of the edge input rule (issue 12, item 1): JSON strings and query/route values alike.</summary>
public static class InputGuardExtensions
{
    public static IServiceCollection AddReportLensInputGuard(this IServiceCollection services) =>
        services.PostConfigure<JsonOptions>(o => o.SerializerOptions.Converters.Insert(0, new SafeStringConverter()));

    public static IApplicationBuilder UseReportLensInputGuard(this IApplicationBuilder app) =>
        app.UseMiddleware<InputGuardMiddleware>();
}
