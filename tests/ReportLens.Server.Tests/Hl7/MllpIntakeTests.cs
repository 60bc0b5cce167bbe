using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Hl7;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hl7;

/// <summary>
/// Issue 15: ORU^R01 messages over a real TCP socket to the running server, on SQLite and PostgreSQL: ACKs, stored
/// reports, corrections with history, resends, bad frames and versions, and the analyses queued on arrival.
/// </summary>
public abstract class MllpIntakeTests<TFixture>(TFixture app, Func<TFixture, int> port) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task Send_EnglishAndChineseReports_AcknowledgedStoredAndAnalysedOnArrival()
    {
        App.SkipIfUnavailable();
        var english = new OruMessage(OruMessage.NewId("EN"), OruMessage.NewId("ACC-"), ["FINDINGS: Small left pleural effusion.", "IMPRESSION: Small left pleural effusion."]);
        var chinese = new OruMessage(OruMessage.NewId("ZH"), OruMessage.NewId("CT"), ["检查所见：右肺上叶见一结节，大小约8mm×6mm。", "诊断意见：右肺上叶结节，建议随访。"])
        {
            Modality = "CT",
            Procedure = "胸部CT平扫",
        };
        var gb = new OruMessage(OruMessage.NewId("GB"), OruMessage.NewId("GB"), ["诊断意见：双肺未见明显异常。"]) { Charset = "GB 18030-2000", Sender = "影像科RIS" };
        await using var client = await ConnectAsync();

        var ackEn = await Hl7Exchange.SendAsync(client, english.Bytes());
        var ackZh = await Hl7Exchange.SendAsync(client, chinese.Bytes());
        var ackGb = await Hl7Exchange.SendAsync(client, gb.Bytes(CodePagesEncodingProvider.Instance.GetEncoding("GB18030")), gb18030: true);

        Hl7Exchange.AssertAck(ackEn, "AA", english.ControlId);
        Hl7Exchange.AssertAck(ackZh, "AA", chinese.ControlId);
        Hl7Exchange.AssertAck(ackGb, "AA", gb.ControlId);
        Assert.Equal("GB 18030-2000", ackGb.Header.Value(18));
        var en = await Hl7Exchange.ReportAsync(App, english.Accession);
        Assert.Equal("FINDINGS: Small left pleural effusion.\nIMPRESSION: Small left pleural effusion.", en.ReportContent);
        Assert.Equal(("en", "CR", "CHEST 2 VIEWS", new DateOnly(2026, 11, 20)), (en.Language, en.Modality, en.BodyPart, en.ExamDate));
        var zh = await Hl7Exchange.ReportAsync(App, chinese.Accession);
        Assert.Equal("检查所见：右肺上叶见一结节，大小约8mm×6mm。\n诊断意见：右肺上叶结节，建议随访。", zh.ReportContent);
        Assert.Equal(("zh", "CT", "胸部CT平扫"), (zh.Language, zh.Modality, zh.BodyPart));
        Assert.Equal("诊断意见：双肺未见明显异常。", (await Hl7Exchange.ReportAsync(App, gb.Accession)).ReportContent);

        // The policy: highlight for every report, highlight and classification for CT; run by the job worker.
        Assert.Equal(["highlight"], await Hl7Exchange.AnalysedTypesAsync(App, en.Id, 1));
        Assert.Equal(["classification", "highlight"], await Hl7Exchange.AnalysedTypesAsync(App, zh.Id, 2));
        await using var db = TestDb.Open(App);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ReportId == en.Id && a.Action == "create" && a.Username == "hl7:RIS" && a.Role == "hl7"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ReportId == zh.Id && a.Action == "analyze"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Username == "hl7:影像科RIS"));
    }

    [Fact]
    public async Task Send_EscapeSequences_AreDecodedInTheStoredText()
    {
        App.SkipIfUnavailable();
        var message = new OruMessage(OruMessage.NewId("ESC"), OruMessage.NewId("ESC"),
            [@"Size 8\S\6 mm\.br\Ratio 1\F\2, T\T\L\E\R", @"first~second"]);
        await using var client = await ConnectAsync();

        Hl7Exchange.AssertAck(await Hl7Exchange.SendAsync(client, message.Bytes()), "AA", message.ControlId);

        Assert.Equal("Size 8^6 mm\nRatio 1|2, T&L\\R\nfirst\nsecond", (await Hl7Exchange.ReportAsync(App, message.Accession)).ReportContent);
    }

    [Fact]
    public async Task Send_SameMessageTwice_SameAckAndNothingNewStored()
    {
        App.SkipIfUnavailable();
        var message = new OruMessage(OruMessage.NewId("DUP"), OruMessage.NewId("DUP"), ["IMPRESSION: Normal chest."]);
        await using var client = await ConnectAsync();
        var first = await client.SendAsync(message.Bytes(), TestContext.Current.CancellationToken);
        var report = await Hl7Exchange.ReportAsync(App, message.Accession);
        await Hl7Exchange.AnalysedTypesAsync(App, report.Id, 1);
        var jobs = await JobCountAsync();

        await using var other = await ConnectAsync();
        var second = await other.SendAsync(message.Bytes(), TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        await using var db = TestDb.Open(App);
        Assert.Equal(1, await db.Reports.CountAsync(r => r.AccessionNumber == message.Accession));
        Assert.Equal(1, await db.ReceivedHl7Messages.CountAsync(m => m.ControlId == message.ControlId));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.ReportId == report.Id && a.Action == "create"));
        Assert.Equal(jobs, await JobCountAsync());
    }

    [Fact]
    public async Task Send_Correction_ReplacesTextKeepsFormerVersionAndAnalysesAgain()
    {
        App.SkipIfUnavailable();
        var accession = OruMessage.NewId("COR");
        var original = new OruMessage(OruMessage.NewId("C1"), accession, ["IMPRESSION: No pneumothorax."]);
        var corrected = new OruMessage(OruMessage.NewId("C2"), accession, ["IMPRESSION: Small right apical pneumothorax."]) { Status = "C" };
        await using var client = await ConnectAsync();

        Hl7Exchange.AssertAck(await Hl7Exchange.SendAsync(client, original.Bytes()), "AA", original.ControlId);
        var id = (await Hl7Exchange.ReportAsync(App, accession)).Id;
        await Hl7Exchange.AnalysedTypesAsync(App, id, 1);
        Hl7Exchange.AssertAck(await Hl7Exchange.SendAsync(client, corrected.Bytes()), "AA", corrected.ControlId);

        var report = await Hl7Exchange.ReportAsync(App, accession);
        Assert.Equal((id, "IMPRESSION: Small right apical pneumothorax."), (report.Id, report.ReportContent));
        using var api = await App.ViewerAsync();
        var versions = await api.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/versions");
        Assert.Equal([(1, "IMPRESSION: No pneumothorax."), (2, "IMPRESSION: Small right apical pneumothorax.")],
            versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("report_content").GetString())));
        Assert.Equal("hl7:RIS", versions[0].GetProperty("superseded_by").GetString());
        Assert.False(versions[1].TryGetProperty("superseded_at", out var superseded) && superseded.ValueKind != JsonValueKind.Null);
        Assert.Equal(2, (await Hl7Exchange.AnalysedTypesAsync(App, id, 2)).Count);
        await using var db = TestDb.Open(App);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ReportId == id && a.Action == "update" && a.Username == "hl7:RIS"));
    }

    [Fact]
    public async Task Send_SameAccessionWithOtherTextNotACorrection_IsAnErrorAndKeepsTheReport()
    {
        App.SkipIfUnavailable();
        var accession = OruMessage.NewId("TAKEN");
        var first = new OruMessage(OruMessage.NewId("T1"), accession, ["IMPRESSION: Normal."]);
        var other = new OruMessage(OruMessage.NewId("T2"), accession, ["IMPRESSION: Something else."]);
        await using var client = await ConnectAsync();

        Hl7Exchange.AssertAck(await Hl7Exchange.SendAsync(client, first.Bytes()), "AA", first.ControlId);
        var ack = await Hl7Exchange.SendAsync(client, other.Bytes());

        Hl7Exchange.AssertAck(ack, "AE", other.ControlId);
        Assert.Equal("205", ack.First("ERR")!.Value(3));
        Assert.Equal("IMPRESSION: Normal.", (await Hl7Exchange.ReportAsync(App, accession)).ReportContent);
    }

    [Fact]
    public async Task Send_MalformedFramesAndBadMessages_AnsweredWhileTheConnectionSurvives()
    {
        App.SkipIfUnavailable();
        await using var client = await ConnectAsync();
        var ct = TestContext.Current.CancellationToken;
        var unframed = new OruMessage(OruMessage.NewId("RAW"), OruMessage.NewId("RAW"), ["IMPRESSION: Normal."]);
        var oldVersion = new OruMessage(OruMessage.NewId("V22"), OruMessage.NewId("V22"), ["IMPRESSION: Normal."]) { Version = "2.2" };
        var noText = new OruMessage(OruMessage.NewId("NOTXT"), OruMessage.NewId("NOTXT"), []);
        var huge = new OruMessage(OruMessage.NewId("BIG"), OruMessage.NewId("BIG"), [new string('x', Hl7TestSettings.MaxMessageBytes)]);
        var good = new OruMessage(OruMessage.NewId("OK"), OruMessage.NewId("OK"), ["IMPRESSION: Normal."]);

        await client.WriteRawAsync(unframed.Bytes(), ct);
        var badFrame = Hl7Exchange.Parse(await client.ReceiveAsync(ct));
        var version = await Hl7Exchange.SendAsync(client, oldVersion.Bytes());
        var missing = await Hl7Exchange.SendAsync(client, noText.Bytes());
        var tooLarge = await Hl7Exchange.SendAsync(client, huge.Bytes());
        var garbage = await Hl7Exchange.SendAsync(client, "hello"u8.ToArray());
        var accepted = await Hl7Exchange.SendAsync(client, good.Bytes());

        Hl7Exchange.AssertAck(badFrame, "AR", unframed.ControlId);
        Assert.Contains("outside an MLLP frame", badFrame.First("ERR")!.Value(8));
        Hl7Exchange.AssertAck(version, "AR", oldVersion.ControlId);
        Assert.Equal(("203", "MSH"), (version.First("ERR")!.Value(3), version.First("ERR")!.Value(2)));
        Hl7Exchange.AssertAck(missing, "AE", noText.ControlId);
        Assert.Equal("101", missing.First("ERR")!.Value(3));
        Hl7Exchange.AssertAck(tooLarge, "AR", huge.ControlId);
        Assert.Contains($"larger than {Hl7TestSettings.MaxMessageBytes} bytes", tooLarge.First("MSA")!.Value(3));
        Assert.Equal("AR", garbage.First("MSA")!.Value(1));
        Hl7Exchange.AssertAck(accepted, "AA", good.ControlId);
        await using var db = TestDb.Open(App);
        string[] refused = [unframed.Accession, oldVersion.Accession, noText.Accession, huge.Accession];
        Assert.False(await db.Reports.AnyAsync(r => refused.Contains(r.AccessionNumber)));
        Assert.True(await db.Reports.AnyAsync(r => r.AccessionNumber == good.Accession));
    }

    private Task<MllpClient> ConnectAsync() => MllpClient.ConnectAsync("127.0.0.1", port(App), TestContext.Current.CancellationToken);

    private async Task<int> JobCountAsync()
    {
        await using var db = TestDb.Open(App);
        return await db.Jobs.CountAsync();
    }
}

public sealed class MllpIntakeSqliteTests(Hl7SqliteAppFixture app)
    : MllpIntakeTests<Hl7SqliteAppFixture>(app, f => f.Hl7Port), IClassFixture<Hl7SqliteAppFixture>;

public sealed class MllpIntakePostgresTests(Hl7PostgresAppFixture app)
    : MllpIntakeTests<Hl7PostgresAppFixture>(app, f => f.Hl7Port), IClassFixture<Hl7PostgresAppFixture>;
