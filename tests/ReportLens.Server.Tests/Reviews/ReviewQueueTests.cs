using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

/// <summary>Issue 14, item 3: the review queue serves low confidence, then engine disagreement, then critical reports, then the rest.</summary>
public abstract class ReviewQueueTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task Queue_OrdersByNeed_AndCountsProgress()
    {
        App.SkipIfUnavailable();
        var rows = await SeedAsync();
        using var viewer = await App.ViewerAsync();

        var queue = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/queue?modality={rows.Modality}", TestContext.Current.CancellationToken);

        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            [rows.Lowest, rows.Low, rows.RulesDisagreeing, rows.LlmDisagreeing, rows.Critical, rows.Routine],
            items.Select(i => i.GetProperty("annotation_id").GetInt64()).ToList());
        Assert.Equal(["low_confidence"], Reasons(items[0]));
        Assert.Equal(["disagreement"], Reasons(items[2]));
        Assert.Equal(["critical"], Reasons(items[4]));
        Assert.Empty(Reasons(items[5]));
        Assert.Equal((1, 6), (queue.GetProperty("reviewed").GetInt32(), queue.GetProperty("to_review").GetInt32()));
    }

    [Fact]
    public async Task Queue_FiltersByEngineModelAndPromptVersion_KeepingDisagreementsSeenAcrossEngines()
    {
        App.SkipIfUnavailable();
        var rows = await SeedAsync();
        using var viewer = await App.ViewerAsync();

        var llm = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/queue?modality={rows.Modality}&engine=llm", TestContext.Current.CancellationToken);
        var model = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/queue?modality={rows.Modality}&model=qwen2.5:7b&prompt_version=v9", TestContext.Current.CancellationToken);
        var otherPrompt = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/queue?modality={rows.Modality}&model=qwen2.5:7b&prompt_version=v1", TestContext.Current.CancellationToken);

        var only = Assert.Single(llm.GetProperty("items").EnumerateArray());
        Assert.Equal(rows.LlmDisagreeing, only.GetProperty("annotation_id").GetInt64());
        Assert.Equal(["disagreement"], Reasons(only));
        Assert.Equal(rows.LlmDisagreeing, Assert.Single(model.GetProperty("items").EnumerateArray()).GetProperty("annotation_id").GetInt64());
        Assert.Empty(otherPrompt.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Queue_AfterEveryItemIsDecided_MovesTheAnnotationToReviewed()
    {
        App.SkipIfUnavailable();
        var rows = await SeedAsync();
        using var radiologist = await App.RadiologistAsync();

        (await ReviewScenario.ReviewAsync(radiologist, rows.Lowest, new { item = "highlights/0", decision = "accept" })).EnsureSuccessStatusCode();

        var queue = await radiologist.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/queue?modality={rows.Modality}", TestContext.Current.CancellationToken);
        Assert.Equal(rows.Low, queue.GetProperty("items")[0].GetProperty("annotation_id").GetInt64());
        Assert.Equal((2, 5), (queue.GetProperty("reviewed").GetInt32(), queue.GetProperty("to_review").GetInt32()));
    }

    [Theory]
    [InlineData("engine=poetry", "engine")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task Queue_BadQuery_Returns400(string query, string field)
    {
        using var viewer = await App.ViewerAsync();

        var response = await viewer.GetAsync($"/api/v1/reviews/queue?{query}", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static List<string> Reasons(JsonElement item) => item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();

    private sealed record Seeded(string Modality, long Lowest, long Low, long RulesDisagreeing, long LlmDisagreeing, long Critical, long Routine);

    /// <summary>Rows as analyses leave them, on reports of a modality of their own (the fixture's database is shared by the class).</summary>
    private async Task<Seeded> SeedAsync()
    {
        var modality = "Q" + Guid.NewGuid().ToString("N")[..8];
        await using var db = TestDb.Open(App);
        Report NewReport(string? urgency = null) => new()
        {
            ReportContent = "右肺上叶结节，左侧胸腔积液。",
            Language = "zh",
            ContentHash = Guid.NewGuid().ToString("N"),
            Modality = modality,
            Urgency = urgency,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        Annotation Highlight(Report report, EngineKind engine, double confidence, string text, string model = "rules", string prompt = "rules") => new()
        {
            Report = report,
            AnnotationType = AnnotationType.Highlight,
            Engine = engine,
            Status = AnnotationStatus.Succeeded,
            Confidence = confidence,
            ModelName = model,
            PromptVersion = prompt,
            CreatedAt = DateTimeOffset.UtcNow,
            ContentJson = ReportLensJson.SerializeContent(new HighlightContent
            {
                Highlights = [new HighlightItem { Text = text, Category = "abnormal", Start = report.ReportContent.IndexOf(text, StringComparison.Ordinal), End = report.ReportContent.IndexOf(text, StringComparison.Ordinal) + text.Length }],
            }),
        };

        var disagreeing = NewReport();
        var routine = NewReport();
        var annotations = new
        {
            Lowest = Highlight(NewReport(), EngineKind.Rules, 0.2, "结节"),
            Low = Highlight(NewReport(), EngineKind.Rules, 0.3, "结节"),
            RulesDisagreeing = Highlight(disagreeing, EngineKind.Rules, 0.8, "结节"),
            LlmDisagreeing = Highlight(disagreeing, EngineKind.Llm, 0.9, "胸腔积液", "qwen2.5:7b", "v9"),
            Critical = new Annotation
            {
                Report = NewReport(ClassificationVocabulary.UrgencyScale[^1]),
                AnnotationType = AnnotationType.Classification,
                Engine = EngineKind.Rules,
                Status = AnnotationStatus.Succeeded,
                Confidence = 0.9,
                ModelName = "rules",
                PromptVersion = "rules",
                CreatedAt = DateTimeOffset.UtcNow,
                ContentJson = ReportLensJson.SerializeContent(new ClassificationContent
                {
                    Classifications = [new ClassificationItem { Dimension = ClassificationVocabulary.Urgency, Category = ClassificationVocabulary.UrgencyScale[^1], Confidence = 0.9 }],
                }),
            },
            Superseded = Highlight(routine, EngineKind.Rules, 0.1, "结节"),
        };
        db.AddRange(annotations.Lowest, annotations.Low, annotations.RulesDisagreeing, annotations.LlmDisagreeing, annotations.Critical, annotations.Superseded);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        // A re-run of the same configuration replaces the earlier result (0.1) in the queue; an agreeing pair is no disagreement.
        var latest = Highlight(routine, EngineKind.Rules, 0.7, "结节");
        var reviewed = Highlight(NewReport(), EngineKind.Rules, 0.95, "结节");
        reviewed.ReviewJson = """{"items":{"highlights/0":{"decision":"accept","reviewed_at":"2026-01-01T00:00:00+00:00"}}}""";
        reviewed.ReviewStatus = ReviewStatus.Accepted;
        db.AddRange(latest, reviewed);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new Seeded(modality, annotations.Lowest.Id, annotations.Low.Id, annotations.RulesDisagreeing.Id, annotations.LlmDisagreeing.Id,
            annotations.Critical.Id, latest.Id);
    }
}

public sealed class ReviewQueueSqliteTests(SqliteAppFixture app) : ReviewQueueTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ReviewQueuePostgresTests(PostgresAppFixture app) : ReviewQueueTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
