using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

public abstract class ReportsApiTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    private const string ChestCt = "检查所见：双肺纹理增多，右肺上叶见一结节，大小约8mm×6mm。心影不大，心胸比例约0.48。\n诊断意见：右肺上叶结节，建议随访。";

    [Fact]
    public async Task Create_ThenGet_ReturnsStoredReportWithDetectedLanguage()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var accession = "ACC-" + Guid.NewGuid().ToString("N")[..10];
        var created = await client.PostAsJsonAsync("/api/v1/reports", new
        {
            report_content = ChestCt,
            accession_number = accession,
            modality = "CT",
            body_part = "胸部",
            exam_date = "2026-11-20",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}");
        Assert.Equal(ChestCt, report.GetProperty("report_content").GetString());
        Assert.Equal(accession, report.GetProperty("accession_number").GetString());
        Assert.Equal("zh", report.GetProperty("language").GetString());
        Assert.Equal("2026-11-20", report.GetProperty("exam_date").GetString());
    }

    [Fact]
    public async Task List_FiltersByModalityTextAndDate_AndPages()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/reports", new
            {
                report_content = $"Findings: lungs clear {tag}. Case {i}.",
                modality = i % 2 == 0 ? "MRI" : "CT",
                exam_date = $"2026-10-0{i + 1}",
            });
            response.EnsureSuccessStatusCode();
        }

        var mri = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={tag}&modality=MRI");
        Assert.Equal(3, mri.GetProperty("total").GetInt32());
        Assert.All(mri.GetProperty("items").EnumerateArray(), r => Assert.Equal("MRI", r.GetProperty("modality").GetString()));

        var dated = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={tag}&date_from=2026-10-02&date_to=2026-10-04");
        Assert.Equal(3, dated.GetProperty("total").GetInt32());

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={tag}&page=2&page_size=2");
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task List_BlankFiltersAndSpacesAroundValues_AreIgnored()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        (await client.PostAsJsonAsync("/api/v1/reports", new { report_content = $"Findings: normal {tag}.", modality = "CT" })).EnsureSuccessStatusCode();

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q=%20{tag}%20&modality=&body_part=%20&urgency=&analysed=%20&date_from=&page=&page_size=");

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(20, list.GetProperty("page_size").GetInt32());
    }

    [Fact]
    public async Task Update_ChangesOnlyGivenFields_AndDelete_HidesReport()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var id = await CreateAsync(client, "Findings: no acute abnormality.");
        var updated = await client.PutAsJsonAsync($"/api/v1/reports/{id}", new { modality = "X-Ray" });
        updated.EnsureSuccessStatusCode();
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("X-Ray", body.GetProperty("modality").GetString());
        Assert.Equal("Findings: no acute abnormality.", body.GetProperty("report_content").GetString());
        Assert.Equal("en", body.GetProperty("language").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/reports/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/reports/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await client.DeleteAsync($"/api/v1/reports/{id}"), HttpStatusCode.NotFound);
        var analyze = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight" });
        await ProblemAssert.IsProblemAsync(analyze, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_DuplicateAccession_Returns409AndKeepsOne()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var accession = "DUP-" + Guid.NewGuid().ToString("N")[..10];
        (await client.PostAsJsonAsync("/api/v1/reports", new { report_content = "Findings: normal.", accession_number = accession })).EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(
            await client.PostAsJsonAsync("/api/v1/reports", new { report_content = "Findings: other.", accession_number = accession }),
            HttpStatusCode.Conflict);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={accession}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_TextOverLimit_Returns413Problem_AndStoresNothing()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var marker = "OVERSIZE" + Guid.NewGuid().ToString("N")[..6];
        var text = marker + new string('肺', 100_001);
        var response = await client.PostAsJsonAsync("/api/v1/reports", new { report_content = text });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports?q={marker}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Create_BodyOverServerLimit_Returns413Problem()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var json = "{\"report_content\":\"" + new string('a', 3 * 1024 * 1024) + "\"}";
        // As a well-behaved uploader does: ask first. Without it the server may answer 413 and close while the
        // client is still writing the 3 MB, and the client sees a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        var response = await client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{\"report_content\": 42}")]
    [InlineData("{\"report_content\": \"ok\", \"exam_date\": \"yesterday\"}")]
    [InlineData("{\"report_content\": ")]
    [InlineData("{}")]
    [InlineData("{\"report_content\": \"ok\", \"language\": \"fr\"}")]
    public async Task Create_MalformedBody_Returns400Problem(string json)
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsync("/api/v1/reports", new StringContent(json, Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=1000")]
    [InlineData("page=abc")]
    [InlineData("date_from=2026-13-45")]
    [InlineData("page_size=abc")]
    [InlineData("date_to=yesterday")]
    [InlineData("analysed=maybe")]
    public async Task List_BadQuery_Returns400Problem(string query)
    {
        App.SkipIfUnavailable();
        using var client = await App.ViewerAsync();
        await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/reports?{query}"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("page_size=abc", "query parameter 'page_size' must be an integer")]
    [InlineData("date_to=yesterday", "query parameter 'date_to' must be a date (yyyy-mm-dd)")]
    [InlineData("analysed=maybe", "query parameter 'analysed' must be true or false")]
    public async Task List_ValueOfTheWrongType_NamesTheQueryParameterAndWhatItTakes(string query, string detail)
    {
        App.SkipIfUnavailable();
        using var client = await App.ViewerAsync();
        var response = await client.GetAsync($"/api/v1/reports?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    internal static Task<int> CreateAsync(HttpClient client, string text) => ApiReports.CreateAsync(client, text);
}

public sealed class ReportsApiSqliteTests(SqliteAppFixture app) : ReportsApiTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ReportsApiPostgresTests(PostgresAppFixture app) : ReportsApiTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
