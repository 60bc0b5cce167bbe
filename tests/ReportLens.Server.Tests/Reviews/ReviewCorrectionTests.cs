using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

/// <summary>Issue 14, item 1: an edit corrects an item's category and attributes, a classification's category, a score.</summary>
public abstract class ReviewCorrectionTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task Edit_HighlightAttributes_AreStoredWithTheDecision()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);
        var attributes = new { category = "diagnosis", negated = true, uncertain = false, laterality = "bilateral", severity = "severe" };

        var response = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "highlights/1", decision = "edit", attributes });

        response.EnsureSuccessStatusCode();
        using var get = await radiologist.GetAsync($"/api/v1/annotations/{id}/review", TestContext.Current.CancellationToken);
        var stored = (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetProperty("highlights/1").GetProperty("attributes");
        Assert.Equal(("diagnosis", true, "bilateral", "severe"), (stored.GetProperty("category").GetString(), stored.GetProperty("negated").GetBoolean(),
            stored.GetProperty("laterality").GetString(), stored.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Edit_ClassificationVerdict_TakesOnlyTheDimensionsCategories()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var analysed = await ReviewScenario.AnalysedAsync(radiologist, ReviewScenario.ReportText, "classification");
        var id = analysed.GetProperty("annotation_id").GetInt64();
        var index = analysed.GetProperty("content").GetProperty("classifications").EnumerateArray()
            .Select((c, i) => (c.GetProperty("dimension").GetString(), i)).Single(c => c.Item1 == "紧急程度").i;

        var corrected = await ReviewScenario.ReviewAsync(radiologist, id, new { item = $"classifications/{index}", decision = "edit", attributes = new { category = "危急" } });
        var wrong = await ReviewScenario.ReviewAsync(radiologist, id, new { item = $"classifications/{index}", decision = "edit", attributes = new { category = "CT" } });
        var flags = await ReviewScenario.ReviewAsync(radiologist, id, new { item = $"classifications/{index}", decision = "edit", attributes = new { negated = true } });

        corrected.EnsureSuccessStatusCode();
        Assert.Equal("危急", (await corrected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetProperty($"classifications/{index}")
            .GetProperty("attributes").GetProperty("category").GetString());
        var problem = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.BadRequest);
        Assert.Contains("危急", problem.GetProperty("errors").GetProperty("items[0].attributes.category")[0].GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(flags, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Edit_ScoreVerdict_MustLieWithinTheScale()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var analysed = await ReviewScenario.AnalysedAsync(radiologist, ReviewScenario.ReportText, "scoring");
        var id = analysed.GetProperty("annotation_id").GetInt64();
        var max = analysed.GetProperty("content").GetProperty("scores")[0].GetProperty("max_score").GetInt32();

        var corrected = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "scores/0", decision = "edit", attributes = new { score = max } });
        var tooHigh = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "scores/0", decision = "edit", attributes = new { score = max + 1 } });
        var accepted = await ReviewScenario.ReviewAsync(radiologist, id, new { item = "scores/0", decision = "accept", attributes = new { score = 1 } });

        corrected.EnsureSuccessStatusCode();
        await ProblemAssert.IsProblemAsync(tooHigh, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(accepted, HttpStatusCode.BadRequest);
    }
}

public sealed class ReviewCorrectionSqliteTests(SqliteAppFixture app) : ReviewCorrectionTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ReviewCorrectionPostgresTests(PostgresAppFixture app) : ReviewCorrectionTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
