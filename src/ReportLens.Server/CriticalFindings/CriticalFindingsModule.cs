using ReportLens.Application;
using ReportLens.Application.CriticalFindings;
using ReportLens.Application.Outbox;
using ReportLens.Server.Observability;

namespace ReportLens.Server.CriticalFindings;

public static class CriticalFindingsModule
{
    /// <summary>The metrics observer and the background work (escalation, webhook outbox); the use cases come with the application module.</summary>
    public static IServiceCollection AddReportLensCriticalFindings(this IServiceCollection services)
    {
        services.AddSingleton<ICriticalCaseObserver, CriticalFindingMetrics>();
        services.AddSingleton<IOutboxObserver, OutboxMetrics>();
        return services.AddReportLensCriticalFindingsDelivery();
    }
}
