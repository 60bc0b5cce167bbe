using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using ReportLens.Application.Fhir;
using ReportLens.Core.Hl7;
using ReportLens.Core.Json;
using ReportLens.Server.Tests.CriticalFindings;
using ReportLens.Server.Tests.Hl7;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Integration;

/// <summary>
/// Issue 15's "done when", end to end on SQLite and PostgreSQL: ORU^R01 messages over a real TCP socket (UTF-8
/// Chinese and English, escape sequences, a duplicate, a correction, a malformed frame, a wrong version) are
/// acknowledged, stored and analysed on arrival; the critical finding opens a case, reaches the webhook receiver
/// signed, is acknowledged through the API and audited; the report's FHIR bundle validates, read and pushed.
/// The single behaviours are tested on their own in MllpIntakeTests, CriticalFindingsApiTests, ReportFhirTests
/// and FhirPushTests; this test checks they meet.
/// </summary>
public abstract class HospitalIntegrationTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : HospitalAppFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async System.Threading.Tasks.Task OruMessagesOverMllp_EndInAnAcknowledgedCriticalCaseAndValidFhirReadAndPushed()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var critical = new OruMessage(OruMessage.NewId("PTX"), OruMessage.NewId("CR-"),
            [@"FINDINGS: Large right pneumothorax\.br\Heart size 12\S\15 cm\F\ normal.", "IMPRESSION: Large right pneumothorax."]);
        var chinese = new OruMessage(OruMessage.NewId("ZH"), OruMessage.NewId("CT-"), ["检查所见：右肺上叶见一结节，大小约8mm×6mm。", "诊断意见：右肺上叶结节，建议随访。"])
        {
            Modality = "CT",
            Procedure = "胸部CT平扫",
        };
        var correction = chinese with { ControlId = OruMessage.NewId("ZHC"), TextLines = ["检查所见：右肺上叶见一结节，大小约9mm×6mm。", "诊断意见：右肺上叶结节，建议随访。"], Status = "C" };
        var oldVersion = new OruMessage(OruMessage.NewId("V22"), OruMessage.NewId("V22"), ["IMPRESSION: Normal."]) { Version = "2.2" };
        var unframed = new OruMessage(OruMessage.NewId("RAW"), OruMessage.NewId("RAW"), ["IMPRESSION: Normal."]);
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", App.Hl7Port, ct);

        var criticalAck = await Hl7Exchange.SendAsync(client, critical.Bytes());
        var chineseAck = await Hl7Exchange.SendAsync(client, chinese.Bytes());
        var duplicateAck = await Hl7Exchange.SendAsync(client, critical.Bytes());
        await client.WriteRawAsync(unframed.Bytes(), ct);
        var malformedAck = Hl7Exchange.Parse(await client.ReceiveAsync(ct));
        var versionAck = await Hl7Exchange.SendAsync(client, oldVersion.Bytes());
        var correctionAck = await Hl7Exchange.SendAsync(client, correction.Bytes());

        Hl7Exchange.AssertAck(criticalAck, "AA", critical.ControlId);
        Hl7Exchange.AssertAck(chineseAck, "AA", chinese.ControlId);
        Assert.Equal(criticalAck.Header.Value(10), duplicateAck.Header.Value(10));
        Hl7Exchange.AssertAck(malformedAck, "AR", unframed.ControlId);
        Hl7Exchange.AssertAck(versionAck, "AR", oldVersion.ControlId);
        Assert.Equal("203", versionAck.First("ERR")!.Value(3));
        Hl7Exchange.AssertAck(correctionAck, "AA", correction.ControlId);
        var metrics = await App.Anonymous().GetStringAsync("/metrics", ct);
        Assert.Contains("reportlens_hl7_messages_total{ack=\"AA\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("reportlens_hl7_messages_total{ack=\"AR\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("reportlens_hl7_parse_failures_total{reason=\"framing\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("reportlens_hl7_parse_failures_total{reason=\"not_storable\"}", metrics, StringComparison.Ordinal);

        var report = await Hl7Exchange.ReportAsync(App, critical.Accession);
        Assert.Equal("FINDINGS: Large right pneumothorax\nHeart size 12^15 cm| normal.\nIMPRESSION: Large right pneumothorax.", report.ReportContent);
        var corrected = await Hl7Exchange.ReportAsync(App, chinese.Accession);
        Assert.Equal(("zh", "检查所见：右肺上叶见一结节，大小约9mm×6mm。\n诊断意见：右肺上叶结节，建议随访。"), (corrected.Language, corrected.ReportContent));
        Assert.Equal(["extraction", "highlight"], await Hl7Exchange.AnalysedTypesAsync(App, report.Id, 2));
        Assert.Equal(4, (await Hl7Exchange.AnalysedTypesAsync(App, corrected.Id, 4)).Count);
        using var radiologist = await App.RadiologistAsync();
        var versions = await radiologist.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{corrected.Id}/versions", ct);
        Assert.Equal(2, versions.GetArrayLength());

        // The critical finding: a case, a signed webhook call, an acknowledgement through the API, audited.
        var criticalCase = Assert.Single(await CriticalFindingScenario.CasesOfAsync(radiologist, report.Id));
        Assert.Equal(("pneumothorax", "open"), (criticalCase.GetProperty("finding").GetProperty("term").GetString(), criticalCase.GetProperty("state").GetString()));
        var caseId = criticalCase.GetProperty("id").GetInt64();
        var call = Assert.Single(await App.Receiver.WaitForAsync("primary", caseId, 1, Patience));
        Assert.True(call.SignatureValid);
        Assert.Equal("critical_finding.opened", call.Event);
        Assert.DoesNotContain("Large right", call.Body, StringComparison.Ordinal);
        using var acknowledged = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/acknowledge", new { note = "已电话通知急诊科" }, ReportLensJson.Options, ct);
        acknowledged.EnsureSuccessStatusCode();
        using var admin = await App.AdminAsync();
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?report_id={report.Id}&page_size=100", ct);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "critical_acknowledge" && e.GetProperty("username").GetString() == "radiologist1");

        // Results out: the bundle read through the API and the one pushed to the FHIR server both validate.
        var read = Assert.IsType<Bundle>(FhirJson.Parse(await radiologist.GetStringAsync($"/api/v1/reports/{report.Id}/fhir", ct)));
        Assert.Empty(FhirProfileValidator.Errors(read));
        Assert.Contains(Observations(read), o => o.Value is FhirString { Value: { } v } && v.Contains("pneumothorax", StringComparison.OrdinalIgnoreCase));
        var pushes = await App.Fhir.WaitForAsync(HospitalAppFixture.FhirServer, $"reportlens-{report.Id}",
            p => p.Any(push => push.Answered == 200 && Observations(push.Bundle).Any()), Patience);
        var pushed = pushes.Last(p => p.Answered == 200);
        Assert.All(pushes, p => Assert.Empty(p.ValidationErrors));
        Assert.Equal(Bundle.BundleType.Transaction, pushed.Bundle.Type);
        Assert.Equal($"Bearer {HospitalAppFixture.FhirToken}", pushed.Authorization);
        Assert.Equal(critical.Accession, pushed.DiagnosticReport!.Identifier.Single().Value);
        Assert.Equal(Observations(read).Select(o => (o.Value as FhirString)?.Value), Observations(pushed.Bundle).Select(o => (o.Value as FhirString)?.Value));
    }

    private static IEnumerable<Observation> Observations(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<Observation>();
}

public sealed class HospitalIntegrationSqliteTests(SqliteHospitalAppFixture app)
    : HospitalIntegrationTests<SqliteHospitalAppFixture>(app), IClassFixture<SqliteHospitalAppFixture>;

public sealed class HospitalIntegrationPostgresTests(PostgresHospitalAppFixture app)
    : HospitalIntegrationTests<PostgresHospitalAppFixture>(app), IClassFixture<PostgresHospitalAppFixture>;
