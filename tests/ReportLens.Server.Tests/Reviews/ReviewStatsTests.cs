using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

public sealed class ReviewStatsTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Stats_AfterReviews_GiveAcceptanceRatePerModelAndPromptVersion()
    {
        using var radiologist = await app.RadiologistAsync();
        var first = await ReviewScenario.AnalysedHighlightAsync(radiologist);
        var second = await ReviewScenario.AnalysedHighlightAsync(radiologist, "Findings: A 2.1 cm nodule in the right upper lobe. No pleural effusion.\nImpression: Right upper lobe nodule.");
        (await ReviewScenario.ReviewAsync(radiologist, first,
            new { item = "highlights/0", decision = "accept" }, new { item = "highlights/1", decision = "reject" })).EnsureSuccessStatusCode();
        (await ReviewScenario.ReviewAsync(radiologist, second,
            new { item = "highlights/0", decision = "accept" }, new { item = "highlights/1", decision = "edit", text = "nodule" })).EnsureSuccessStatusCode();
        using var viewer = await app.ViewerAsync();
        var before = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/reviews/stats", TestContext.Current.CancellationToken);
        Assert.Equal(1, Assert.Single(before.GetProperty("groups").EnumerateArray()).GetProperty("edited").GetInt32());
        // A later decision on the same item replaces the earlier one rather than counting twice, and shows at once
        // although the statistics were just read (they are cached between reviews).
        (await ReviewScenario.ReviewAsync(radiologist, second, new { item = "highlights/1", decision = "accept" })).EnsureSuccessStatusCode();

        var stats = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/reviews/stats", TestContext.Current.CancellationToken);

        var group = Assert.Single(stats.GetProperty("groups").EnumerateArray());
        Assert.Equal("rules", group.GetProperty("model_name").GetString());
        Assert.Equal("rules", group.GetProperty("prompt_version").GetString());
        Assert.Equal(2, group.GetProperty("annotations").GetInt32());
        Assert.Equal(4, group.GetProperty("items_reviewed").GetInt32());
        Assert.Equal(3, group.GetProperty("accepted").GetInt32());
        Assert.Equal(1, group.GetProperty("rejected").GetInt32());
        Assert.Equal(0, group.GetProperty("edited").GetInt32());
        Assert.Equal(0.75, group.GetProperty("acceptance_rate").GetDouble());
    }

    [Fact]
    public async Task Stats_FilteredByAnotherType_AreEmpty()
    {
        using var viewer = await app.ViewerAsync();

        var stats = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/reviews/stats?annotation_type=scoring", TestContext.Current.CancellationToken);

        Assert.Empty(stats.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task Stats_UnknownType_Returns400()
    {
        using var viewer = await app.ViewerAsync();

        var response = await viewer.GetAsync("/api/v1/reviews/stats?annotation_type=poetry", TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
