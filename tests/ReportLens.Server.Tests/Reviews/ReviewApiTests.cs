using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

public sealed class ReviewApiTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Review_AcceptOneRejectAnother_StoresDecisionsReviewerAndTime()
    {
        using var radiologist = await app.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var first = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "highlights/0", decision = "accept" });
        first.EnsureSuccessStatusCode();
        var afterFirst = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", afterFirst.GetProperty("status").GetString());
        Assert.Equal(1, afterFirst.GetProperty("counts").GetProperty("accepted").GetInt32());

        var second = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "highlights/1", decision = "reject" });
        second.EnsureSuccessStatusCode();
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        var counts = body.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("accepted").GetInt32());
        Assert.Equal(1, counts.GetProperty("rejected").GetInt32());
        Assert.Equal(counts.GetProperty("total").GetInt32() - 2, counts.GetProperty("pending").GetInt32());
        Assert.Equal("edited", body.GetProperty("status").GetString());
        Assert.Equal("accept", body.GetProperty("items").GetProperty("highlights/0").GetProperty("decision").GetString());
        Assert.Equal("radiologist1", body.GetProperty("items").GetProperty("highlights/1").GetProperty("reviewer").GetString());

        await using var db = TestDb.Open(app);
        var stored = await db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        var reviewer = await db.Users.AsNoTracking().SingleAsync(u => u.Username == "radiologist1", TestContext.Current.CancellationToken);
        Assert.Equal(reviewer.Id, stored.ReviewedBy);
        Assert.NotNull(stored.ReviewedAt);
        Assert.Equal(ReviewStatus.Edited, stored.ReviewStatus);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "review" && e.ReportId == stored.ReportId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Review_EditWithText_KeepsCorrectedText()
    {
        using var radiologist = await app.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var response = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "highlights/0", decision = "edit", text = " 右肺上叶结节 " });

        response.EnsureSuccessStatusCode();
        var item = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetProperty("highlights/0");
        Assert.Equal("edit", item.GetProperty("decision").GetString());
        Assert.Equal("右肺上叶结节", item.GetProperty("text").GetString());
        using var get = await radiologist.GetAsync($"/api/v1/annotations/{id}/review", TestContext.Current.CancellationToken);
        Assert.Equal("edited", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("highlights/999", "accept", null, "items[0].item")]
    [InlineData("findings/0", "accept", null, "items[0].item")]
    [InlineData("highlights/0", "approve", null, "items[0].decision")]
    [InlineData("highlights/0", "edit", null, "items[0].text")]
    public async Task Review_BadItem_Returns400NamingTheField(string item, string decision, string? text, string field)
    {
        using var radiologist = await app.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var response = await ReviewScenario.ReviewAsync(radiologist, id, new { item, decision, text });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Review_NoItems_Returns400()
    {
        using var radiologist = await app.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var response = await ReviewScenario.ReviewAsync(radiologist, id);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Review_UnknownAnnotation_Returns404()
    {
        using var radiologist = await app.RadiologistAsync();

        var response = await ReviewScenario.ReviewAsync(radiologist, 987654, new { item = "highlights/0", decision = "accept" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Review_AsViewer_Returns403AndChangesNothing()
    {
        using var radiologist = await app.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);
        using var viewer = await app.ViewerAsync();

        var response = await ReviewScenario.ReviewAsync(viewer, id, new { item = "highlights/0", decision = "accept" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = TestDb.Open(app);
        Assert.Null((await db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).ReviewStatus);
    }

    [Fact]
    public async Task Review_Anonymous_Returns401()
    {
        using var anonymous = app.Anonymous();

        var response = await ReviewScenario.ReviewAsync(anonymous, 1, new { item = "highlights/0", decision = "accept" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
