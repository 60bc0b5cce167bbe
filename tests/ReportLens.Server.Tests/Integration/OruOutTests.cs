using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Hl7Out;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.CriticalFindings;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Integration;

/// <summary>
/// The outbound ORU^R01: an analysis recorded through the API sends the report's structured results to the MLLP
/// peer through the outbox — one coded OBX per finding with its negation or uncertainty, measurements with UCUM
/// units — and an AE from the peer is retried until it answers AA.
/// </summary>
public abstract class OruOutTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : HospitalAppFixture
{
    [Fact]
    public async System.Threading.Tasks.Task Analysis_Recorded_SendsOruWithCodedFindings_RetryingAnError()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var accession = $"ORU-{Guid.NewGuid():N}"[..20];
        var reportId = await CriticalFindingScenario.StoreAsync(radiologist,
            "Findings: A 12 mm nodule in the right upper lobe. No pleural effusion. Possible consolidation in the left lower lobe.", accession);

        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "extraction");

        var messages = await App.Peer.WaitForAcceptedAsync(accession, TimeSpan.FromSeconds(60));
        Assert.Equal(["AE", "AA"], messages.Select(m => m.Answered));
        var oru = messages[^1].Message;
        Assert.Equal(messages[0].Message.Header.Value(10), oru.Header.Value(10));
        Assert.Equal(("ORU", "R01", "2.5.1"), (oru.Header.Value(9), oru.Header.Value(9, 2), oru.Header.Value(12)));
        var obx = oru.All("OBX").ToList();
        Assert.Equal("TX", obx[0].Value(2));
        var findings = obx.Where(o => o.Value(2) == "CWE").ToDictionary(o => o.Value(5, 2)!, o => (Flag: o.Value(8), Status: o.Value(11)));
        Assert.Equal(("A", "F"), findings.Single(f => f.Key.Contains("nodule", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal(("NEG", "F"), findings.Single(f => f.Key.Contains("pleural effusion", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal(("IND", "P"), findings.Single(f => f.Key.Contains("consolidation", StringComparison.OrdinalIgnoreCase)).Value);
        var size = Assert.Single(obx, o => o.Value(2) == "NM");
        Assert.Equal(("12", "mm", "UCUM"), (size.Value(5), size.Value(6), size.Value(6, 3)));
        // The peer answers before the sender records the answer: wait for the delivery to settle.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        WebhookDelivery delivery;
        do
        {
            await using var db = TestDb.Open(App);
            delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.ReportId == reportId && d.Event == OruOutTransport.Event);
            await System.Threading.Tasks.Task.Delay(50);
        }
        while (delivery.State == WebhookDeliveryState.Pending && DateTime.UtcNow < until);

        Assert.Equal((WebhookDeliveryState.Delivered, 2), (delivery.State, delivery.Attempts));
    }
}

public sealed class OruOutSqliteTests(SqliteHospitalAppFixture app) : OruOutTests<SqliteHospitalAppFixture>(app), IClassFixture<SqliteHospitalAppFixture>;

public sealed class OruOutPostgresTests(PostgresHospitalAppFixture app) : OruOutTests<PostgresHospitalAppFixture>(app), IClassFixture<PostgresHospitalAppFixture>;
