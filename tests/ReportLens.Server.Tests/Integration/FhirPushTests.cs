using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Fhir;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.CriticalFindings;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Integration;

/// <summary>
/// Results pushed on completion: an analysis recorded through the API puts the report's FHIR push into the outbox; a
/// server that fails is retried with backoff; what it finally accepts is a valid transaction Bundle; every attempt is
/// recorded, the delivery audited and counted.
/// </summary>
public abstract class FhirPushTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : HospitalAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async System.Threading.Tasks.Task Analysis_Recorded_PushesAValidTransactionBundle_RetryingAFailingServer()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var reportId = await CriticalFindingScenario.StoreAsync(radiologist,
            $"Findings: A 12 mm nodule in the right upper lobe. No pleural effusion. Exam {Guid.NewGuid():N}.", $"PUSH-{Guid.NewGuid():N}"[..20]);

        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "extraction");

        var pushes = await App.Fhir.WaitForAsync(HospitalAppFixture.FhirServer, $"reportlens-{reportId}", p => p.Any(push => push.Answered == 200), Patience);
        Assert.Equal([503, 503, 200], pushes.Select(p => p.Answered));
        Assert.All(pushes, p => Assert.Empty(p.ValidationErrors));
        var bundle = pushes[^1].Bundle;
        Assert.Equal("application/fhir+json; charset=utf-8", pushes[^1].ContentType);
        Assert.All(bundle.Entry, e =>
        {
            Assert.Equal(Bundle.HTTPVerb.PUT, e.Request!.Method);
            Assert.Equal($"{e.Resource!.TypeName}/{e.Resource.Id}", e.Request.Url);
            Assert.StartsWith($"reportlens-{reportId}", e.Resource.Id, StringComparison.Ordinal);
        });
        Assert.Equal(bundle.Entry.Where(e => e.Resource is Observation).Select(e => e.Request!.Url),
            pushes[^1].DiagnosticReport!.Result.Select(r => r.Reference));
        Assert.Contains(bundle.Entry.Select(e => e.Resource).OfType<Observation>(),
            o => o.Value is FhirString { Value: { } v } && v.Contains("nodule", StringComparison.OrdinalIgnoreCase));

        // The receiver answers before the sender records the answer: wait for the delivery to settle.
        var delivery = await SettledAsync(reportId);
        Assert.Equal((WebhookDeliveryState.Delivered, 3), (delivery.State, delivery.Attempts));
        await using var db = TestDb.Open(App);
        Assert.Equal([503, 503, 200], await db.WebhookAttempts.Where(a => a.DeliveryId == delivery.Id).OrderBy(a => a.Id).Select(a => a.StatusCode).ToListAsync());
        var host = App.Fhir.BaseUrl.Authority;
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ReportId == reportId && a.Action == "export" && a.Detail == $"fhir push to {host}: delivered"));
        var metrics = await App.Anonymous().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("reportlens_outbox_attempts_total{kind=\"fhir\",outcome=\"retry\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("reportlens_outbox_attempts_total{kind=\"fhir\",outcome=\"delivered\"}", metrics, StringComparison.Ordinal);
    }

    private async System.Threading.Tasks.Task<WebhookDelivery> SettledAsync(int reportId)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var db = TestDb.Open(App);
            var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.ReportId == reportId && d.Event == FhirPushTransport.Event);
            if (delivery.State != WebhookDeliveryState.Pending || DateTime.UtcNow > until)
            {
                return delivery;
            }

            await System.Threading.Tasks.Task.Delay(50);
        }
    }
}

public sealed class FhirPushSqliteTests(SqliteHospitalAppFixture app) : FhirPushTests<SqliteHospitalAppFixture>(app), IClassFixture<SqliteHospitalAppFixture>;

public sealed class FhirPushPostgresTests(PostgresHospitalAppFixture app) : FhirPushTests<PostgresHospitalAppFixture>(app), IClassFixture<PostgresHospitalAppFixture>;
