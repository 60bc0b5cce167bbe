using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Ui;

namespace ReportLens.Server.Tests.Reports;

/// <summary>
/// "Import reports" has one home and one duplicate policy: the web UI's import and `reportlens import`, given the
/// same file, store the same reports; given it again with one report changed, both update that one, leave the other
/// unchanged and write the same audit records.
/// </summary>
public abstract class ImportReportsDoorsTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task WebAndCliImport_SameFileTwice_StoreTheSameRowsAndFollowOneDuplicatePolicy()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = await UiPrincipal.OfAsync(App, TestServerSettings.AdminUser);
        var web = App.Services.GetRequiredService<ReportFileImport>();
        var folder = Directory.CreateTempSubdirectory("rl-import-").FullName;

        async Task<string> Cli(string door, string modality)
        {
            var file = Path.Combine(folder, $"{door}-{modality}.jsonl");
            await File.WriteAllTextAsync(file, Jsonl(door, tag, modality), ct);
            var result = await CliProcess.RunAsync(folder, ["import", file, "--database", App.Database.Url], null, null, ct);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.Stderr.Trim();
        }

        var webFirst = await web.ImportAsync("first.jsonl", Jsonl("web", tag, "CT"), admin, ct);
        Assert.Equal("imported 2 report(s): 2 created, 0 updated, 0 unchanged; 0 annotation(s) added; 0 bad row(s) skipped", await Cli("cli", "CT"));
        Assert.Equal((2, 0, 0), (webFirst.Outcome.Created, webFirst.Outcome.Updated, webFirst.Outcome.Unchanged));
        Assert.Empty(webFirst.Errors);

        var webAgain = await web.ImportAsync("again.jsonl", Jsonl("web", tag, "MR"), admin, ct);
        Assert.Equal("imported 2 report(s): 0 created, 1 updated, 1 unchanged; 0 annotation(s) added; 0 bad row(s) skipped", await Cli("cli", "MR"));
        Assert.Equal((0, 1, 1), (webAgain.Outcome.Created, webAgain.Outcome.Updated, webAgain.Outcome.Unchanged));
        Assert.Empty(webAgain.Errors);

        await using var db = TestDb.Open(App);
        var reports = await db.Reports.AsNoTracking().Where(r => r.AccessionNumber!.EndsWith(tag)).ToListAsync(ct);
        Assert.Equal(4, reports.Count);
        var byDoor = reports.ToLookup(r => r.AccessionNumber!.Split('-')[0]);
        Assert.Equal(Stored(byDoor["web"]), Stored(byDoor["cli"]));

        var ids = reports.Select(r => (int?)r.Id).ToList();
        var audits = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.ReportId)).ToListAsync(ct);
        string Door(int? reportId) => reports.Single(r => r.Id == reportId).AccessionNumber!.Split('-')[0];
        Assert.Equal(
            audits.Where(e => Door(e.ReportId) == "web").Select(e => (e.Action, e.Detail, Kind(e.ReportId))).Order(),
            audits.Where(e => Door(e.ReportId) == "cli").Select(e => (e.Action, e.Detail, Kind(e.ReportId))).Order());
        Assert.Equal(["create", "create", "update"], audits.Where(e => Door(e.ReportId) == "cli").Select(e => e.Action).Order());
        Assert.Equal(TestServerSettings.AdminUser, Assert.Single(audits.Where(e => Door(e.ReportId) == "web").Select(e => e.Username).Distinct()));

        string Kind(int? reportId) => reports.Single(r => r.Id == reportId).AccessionNumber!.Split('-')[1];
    }

    /// <summary>Two reports; the second one's modality is what changes between imports.</summary>
    private static string Jsonl(string door, string tag, string modality) => string.Join('\n',
        JsonSerializer.Serialize(new { accession_number = $"{door}-chest-{tag}", report_content = "Findings: clear lungs. Impression: normal chest.", modality = "DX", body_part = "chest", exam_date = "2026-11-20" }),
        JsonSerializer.Serialize(new { accession_number = $"{door}-head-{tag}", report_content = "检查所见：脑实质未见异常密度影。\n诊断意见：颅脑未见异常。", modality, body_part = "头部", exam_date = "2026-11-21" }));

    /// <summary>The stored fields that do not depend on the door (ids, accession prefixes and times do).</summary>
    private static List<(string, string, string?, string?, DateOnly?, string, string, bool)> Stored(IEnumerable<global::ReportLens.Data.Entities.Report> reports) =>
        reports.OrderBy(r => r.AccessionNumber).Select(r => (r.AccessionNumber!.Split('-')[1], r.ReportContent, r.Modality, r.BodyPart, r.ExamDate, r.Language, r.ContentHash, r.IsDeleted)).ToList();
}

public sealed class ImportReportsDoorsSqliteTests(SqliteAppFixture app) : ImportReportsDoorsTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ImportReportsDoorsPostgresTests(PostgresAppFixture app) : ImportReportsDoorsTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
