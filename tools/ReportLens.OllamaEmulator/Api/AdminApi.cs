using ReportLens.OllamaEmulator.Faults;
using ReportLens.OllamaEmulator.Hosting;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>Emulator-only endpoints for out-of-process control: GET /emulator/stats, GET/POST /emulator/faults.</summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/emulator");
        group.MapGet("/stats", (EmulatorRuntime runtime) => Results.Json(runtime.Stats.Snapshot(), EmulatorJson.Options));
        group.MapGet("/faults", (EmulatorRuntime runtime) => Results.Json(runtime.Faults.Settings, EmulatorJson.Options));
        group.MapPost("/faults", SetFaultsAsync);
        return app;
    }

    private static async Task SetFaultsAsync(HttpContext context, EmulatorRuntime runtime)
    {
        var ct = context.RequestAborted;
        var settings = await OllamaResults.ReadAsync<FaultSettings>(context, ct);
        if (settings is null)
        {
            return;
        }
        if (settings.Validate() is { } error)
        {
            await OllamaResults.WriteErrorAsync(context, StatusCodes.Status400BadRequest, error, ct);
            return;
        }
        runtime.Faults.Update(settings);
        await OllamaResults.WriteJsonAsync(context, StatusCodes.Status200OK, settings, ct);
    }
}
