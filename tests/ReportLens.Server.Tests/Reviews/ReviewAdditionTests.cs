using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

/// <summary>Issue 14, item 1: a reviewer adds a missed item from a selection; the server re-checks the offsets against the report.</summary>
public abstract class ReviewAdditionTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    // Emoji before and inside the selections: each is a surrogate pair, two UTF-16 units but one code point.
    private const string EmojiText = "备注：😀🫁\n" + ReviewScenario.ReportText;

    [Fact]
    public async Task Add_ChineseSelection_StoresTheSpanInUtf16AndCodePointsAndAudits()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);
        var start = ReviewScenario.ReportText.IndexOf("边界清楚", StringComparison.Ordinal);

        var response = await ReviewScenario.AddAsync(radiologist, id,
            new { list = "highlights", start, end = start + 4, text = "边界清楚", attributes = new { category = "abnormal", uncertain = true, laterality = "right" } });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var added = Assert.Single(body.GetProperty("added").EnumerateArray());
        Assert.Equal(("边界清楚", start, start + 4, start, start + 4), Span(added));
        Assert.Equal("right", added.GetProperty("attributes").GetProperty("laterality").GetString());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("added").GetInt32());
        Assert.Equal("edited", body.GetProperty("status").GetString());
        await using var db = TestDb.Open(App);
        var stored = await db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        Assert.Contains("边界清楚", stored.ReviewJson, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "review" && e.ReportId == stored.ReportId && e.Detail!.Contains("added highlights"),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Add_SelectionAfterAndOfEmoji_CodePointsCountEachEmojiOnce()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist, EmojiText);
        var lung = EmojiText.LastIndexOf("右肺上叶结节", StringComparison.Ordinal);
        var emoji = EmojiText.IndexOf("🫁", StringComparison.Ordinal);

        (await ReviewScenario.AddAsync(radiologist, id, new { list = "highlights", start = lung, end = lung + 6, text = "右肺上叶结节", code_point_start = lung - 2, attributes = new { category = "diagnosis" } }))
            .EnsureSuccessStatusCode();
        var response = await ReviewScenario.AddAsync(radiologist, id, new { list = "highlights", start = emoji, end = emoji + 2, text = "🫁", attributes = new { category = "location" } });

        response.EnsureSuccessStatusCode();
        var added = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").EnumerateArray().ToList();
        Assert.Equal(("右肺上叶结节", lung, lung + 6, lung - 2, lung + 4), Span(added[0]));
        Assert.Equal(("🫁", emoji, emoji + 2, emoji - 1, emoji), Span(added[1]));
        // The code-point span cuts the same text out of the report as the UTF-16 one.
        var codePoints = EmojiText.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal("右肺上叶结节", string.Concat(codePoints[(lung - 2)..(lung + 4)]));
    }

    public static TheoryData<int, int, string, int?, string> BadSelections() => new()
    {
        // Shifted by one: the offsets cut out other text than the selection.
        { 12, 18, "右肺上叶见一", null, "text" },
        // A span whose end falls inside the 😀 surrogate pair.
        { 0, 4, "备注：😀", null, "start" },
        // Right UTF-16 span, wrong code-point span (counted as UTF-16 by mistake).
        { 5, 7, "🫁", 5, "code_point_start" },
        { 5, 4, "x", null, "start" },
        { 0, 9999, "x", null, "start" },
    };

    [Theory]
    [MemberData(nameof(BadSelections))]
    public async Task Add_SelectionThatDoesNotMatchTheReport_Returns400AndStoresNothing(int start, int end, string text, int? codePointStart, string field)
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist, EmojiText);
        Assert.Equal(("🫁", "右肺上叶见一"), (EmojiText[5..7], EmojiText[13..19]));

        var response = await ReviewScenario.AddAsync(radiologist, id,
            new { list = "highlights", start, end, text, code_point_start = codePointStart, attributes = new { category = "abnormal" } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await using var db = TestDb.Open(App);
        Assert.Null((await db.Annotations.AsNoTracking().SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).ReviewJson);
    }

    [Theory]
    [InlineData("scores", "abnormal", "list")]
    [InlineData("highlights", null, "attributes.category")]
    [InlineData("highlights", "tumour", "attributes.category")]
    public async Task Add_BadListOrCategory_Returns400(string list, string? category, string field)
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var response = await ReviewScenario.AddAsync(radiologist, id, new { list, start = 0, end = 4, text = "检查所见", attributes = new { category } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Add_FindingToExtraction_ThenRemoveIt()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = (await ReviewScenario.AnalysedAsync(radiologist, ReviewScenario.ReportText, "extraction")).GetProperty("annotation_id").GetInt64();
        var start = ReviewScenario.ReportText.IndexOf("边界清楚", StringComparison.Ordinal);
        var added = await ReviewScenario.AddAsync(radiologist, id, new { list = "findings", start, end = start + 4, text = "边界清楚", attributes = new { negated = true, severity = "mild" } });
        added.EnsureSuccessStatusCode();
        var additionId = Assert.Single((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").EnumerateArray()).GetProperty("id").GetInt32();
        var duplicate = await ReviewScenario.AddAsync(radiologist, id, new { list = "findings", start, end = start + 4, text = "边界清楚" });
        await ProblemAssert.IsProblemAsync(duplicate, HttpStatusCode.BadRequest);

        var removed = await radiologist.DeleteAsync($"/api/v1/annotations/{id}/review/additions/{additionId}", TestContext.Current.CancellationToken);

        removed.EnsureSuccessStatusCode();
        Assert.Empty((await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").EnumerateArray());
        var again = await radiologist.DeleteAsync($"/api/v1/annotations/{id}/review/additions/{additionId}", TestContext.Current.CancellationToken);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Add_AsViewer_Returns403()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var id = await ReviewScenario.AnalysedHighlightAsync(radiologist);
        using var viewer = await App.ViewerAsync();

        var response = await ReviewScenario.AddAsync(viewer, id, new { list = "highlights", start = 0, end = 4, text = "检查所见", attributes = new { category = "abnormal" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static (string?, int, int, int, int) Span(JsonElement added) => (added.GetProperty("text").GetString(),
        added.GetProperty("start").GetInt32(), added.GetProperty("end").GetInt32(),
        added.GetProperty("code_point_start").GetInt32(), added.GetProperty("code_point_end").GetInt32());
}

public sealed class ReviewAdditionSqliteTests(SqliteAppFixture app) : ReviewAdditionTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ReviewAdditionPostgresTests(PostgresAppFixture app) : ReviewAdditionTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
