using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Audit;

public abstract class AuditApiTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=501")]
    [InlineData("page_size=abc")]
    [InlineData("report_id=x")]
    [InlineData("user_id=1.5")]
    [InlineData("from=2026-13-45")]
    [InlineData("to=yesterday")]
    public async Task List_BadQuery_Returns400Problem(string query)
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        await ProblemAssert.IsProblemAsync(await admin.GetAsync($"/api/v1/audit?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Export_BadFilter_Returns400Problem()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/audit/export?report_id=x"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_BlankFilters_AreIgnored()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?page_size=1");
        var blank = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?page_size=1&page=&action=&username=%20&report_id=&from=%20");
        Assert.True(all.GetProperty("total").GetInt32() > 0);
        Assert.True(blank.GetProperty("total").GetInt32() >= all.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Export_ReturnsCsvAttachment_AndRecordsTheRowCount()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(radiologist, "Findings: small pleural effusion, left.");
        (await radiologist.GetAsync($"/api/v1/reports/{id}")).EnsureSuccessStatusCode();
        using var admin = await App.AdminAsync();

        using var response = await admin.GetAsync($"/api/v1/audit/export?report_id={id}");

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("reportlens-audit.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'i', bytes[0]); // the header, no byte order mark before it
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,user_id,username,role,action,report_id,detail,client_address", lines[0]);
        Assert.Equal(["create", "read"], lines.Skip(1).Select(l => l.Split(',')[5]));
        Assert.All(lines.Skip(1), l => Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Split(',')[6]));

        var exports = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=export&page_size=1");
        Assert.Equal("audit export: 2 rows", exports.GetProperty("items")[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Export_LeavesOutItsOwnRecord()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=export&page_size=1")).GetProperty("total").GetInt32();

        var csv = await admin.GetStringAsync("/api/v1/audit/export?action=export");

        Assert.Equal(before, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=export&page_size=1");
        Assert.Equal(before + 1, after.GetProperty("total").GetInt32());
        Assert.Equal($"audit export: {before} rows", after.GetProperty("items")[0].GetProperty("detail").GetString());
    }
}

public sealed class AuditApiSqliteTests(SqliteAppFixture app) : AuditApiTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class AuditApiPostgresTests(PostgresAppFixture app) : AuditApiTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
