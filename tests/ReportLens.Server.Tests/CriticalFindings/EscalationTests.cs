using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReportLens.Application;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Application.CriticalFindings;
using ReportLens.Application.Outbox;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.CriticalFindings;

/// <summary>
/// Escalation on a fake clock, through the application's own services on a real database and a real receiver: a
/// case left open past CRITICAL_ESCALATE_AFTER_MINUTES escalates once and goes to the escalation webhook; an
/// acknowledged one does not.
/// </summary>
public sealed class EscalationTests
{
    private const string Secret = "escalation-test-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task OpenCase_PastTheLimit_EscalatesOnceToTheEscalationWebhook_AcknowledgedCaseStays(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
        await using var services = Services(database, receiver, clock);
        await (await services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>().CreateDbContextAsync(Ct)).Database.MigrateAsync(Ct);
        var waiting = await OpenCaseAsync(services, database, "诊断意见：左侧大量气胸，纵隔右移。");
        var acknowledged = await OpenCaseAsync(services, database, "诊断意见：主动脉夹层（Stanford A型）。");
        var cases = services.GetRequiredService<CriticalCases>();
        var escalation = services.GetRequiredService<CriticalCaseEscalation>();
        var sender = services.GetRequiredService<OutboxSender>();
        var radiologist = new Actor(7, "radiologist1", "radiologist", Door.Api, "127.0.0.1");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(CloseOutcome.Closed, (await cases.CloseAsync(acknowledged, CriticalCaseState.Acknowledged, "called ED", radiologist, Ct)).Outcome);
        var early = await escalation.EscalateDueAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(2));
        var due = await escalation.EscalateDueAsync(Ct);
        var again = await escalation.EscalateDueAsync(Ct);
        await sender.DeliverDueAsync(Ct);

        Assert.Equal((0, 1, 0), (early, due, again));
        var escalated = await cases.GetAsync(waiting, Ct);
        Assert.Equal(CriticalCaseState.Escalated, escalated!.State);
        Assert.Equal(clock.GetUtcNow(), escalated.EscalatedAt);
        Assert.Equal(CriticalCaseState.Acknowledged, (await cases.GetAsync(acknowledged, Ct))!.State);
        var call = Assert.Single(receiver.Calls);
        Assert.Equal(("escalation", "critical_finding.escalated", true), (call.Hook, call.Event, call.SignatureValid));
        Assert.Equal(waiting, call.Json.GetProperty("case_id").GetInt64());
        Assert.Equal("escalated", call.Json.GetProperty("state").GetString());
        await using var db = await services.GetRequiredService<IDbContextFactory<ReportLensDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "critical_escalate", Ct));
        // An escalated case still waits for a person.
        Assert.Equal(CloseOutcome.Closed, (await cases.CloseAsync(waiting, CriticalCaseState.Acknowledged, null, radiologist, Ct)).Outcome);
    }

    private static ServiceProvider Services(TestDatabase database, WebhookReceiver receiver, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CriticalFindings:EscalationWebhookUrl"] = receiver.Hook("escalation").AbsoluteUri,
            ["CriticalFindings:WebhookSecret"] = Secret,
            ["CriticalFindings:EscalateAfterMinutes"] = "30",
            ["Ollama:BaseUrl"] = "http://127.0.0.1:9",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReportLensData(database.Settings);
        services.AddReportLensApplication(configuration);
        services.AddReportLensCriticalFindingsDelivery();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static async Task<long> OpenCaseAsync(IServiceProvider services, TestDatabase database, string text)
    {
        var reportId = (await TestReports.StoreSameTextAsync(database.Url, text, 1)).Single();
        var stored = await services.GetRequiredService<AnalyseAndRecord>().RunAsync(
            reportId, AnalysisRequest.ForStoredReport(AnnotationType.Highlight, "", EngineKind.Rules), Actor.CommandLine(), null, Ct);
        Assert.Equal(AnnotationStatus.Succeeded, stored?.Status);
        var opened = await services.GetRequiredService<CriticalCases>().ListAsync([CriticalCaseState.Open], 1, 200, Ct);
        return opened.Items.Single(c => c.ReportId == reportId).Id;
    }
}
