using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

public abstract class AuditTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task Audit_RecordsWhoCreatedReadAnalysedAndDeletedAReport()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        using var viewer = await App.ViewerAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, "检查所见：右侧少量气胸。诊断意见：右侧气胸。");
        (await viewer.GetAsync($"/api/v1/reports/{id}")).EnsureSuccessStatusCode();
        (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "classification", engine = "rules" })).EnsureSuccessStatusCode();
        (await radiologist.DeleteAsync($"/api/v1/reports/{id}")).EnsureSuccessStatusCode();

        using var admin = await App.AdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?report_id={id}&page_size=50");
        var entries = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "create" && e.GetProperty("username").GetString() == "radiologist1");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "read" && e.GetProperty("username").GetString() == "viewer1" && e.GetProperty("role").GetString() == "viewer");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "analyze");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "delete");
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.GetProperty("client_address").GetString()));

        var csv = await admin.GetStringAsync($"/api/v1/audit/export?report_id={id}");
        Assert.StartsWith("id,at,user_id,username,role,action,report_id,detail,client_address", csv);
        Assert.Contains(",viewer1,viewer,read,", csv);
    }

    [Fact]
    public async Task Audit_IsForAdminsOnly()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        await ProblemAssert.IsProblemAsync(await radiologist.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await radiologist.GetAsync("/api/v1/audit/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AuditRecords_CannotBeChangedThroughTheApplication()
    {
        App.SkipIfUnavailable();
        await using var db = TestDb.Open(App);
        var entry = db.AuditEntries.OrderBy(e => e.Id).First();
        entry.Detail = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }
}

public sealed class AuditSqliteTests(SqliteAppFixture app) : AuditTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class AuditPostgresTests(PostgresAppFixture app) : AuditTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
