using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Reviews;
using ReportLens.Core.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Reviews;

/// <summary>
/// Issue 14, item 4: two reviewers review the same report blind to each other, finish, agreement is measured, and a
/// third person settles their disagreement — through real HTTP on SQLite and PostgreSQL.
/// </summary>
public abstract class DoubleReviewTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    private static int _users;

    [Fact]
    public async Task DoubleReview_BlindUntilFinished_AgreedSettlesItself_DisagreementIsAdjudicated_AndAgreementIsMeasured()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        using var other = await App.RadiologistAsync();
        var (nameA, a) = await ReviewerAsync(admin);
        var (nameB, b) = await ReviewerAsync(admin);
        var highlight = await ReviewScenario.AnalysedHighlightAsync(other);
        var reportId = await ReportOfAsync(highlight);
        var classification = (await ReviewScenario.AnalyseAsync(other, reportId, "classification")).GetProperty("annotation_id").GetInt64();
        var classes = await TotalAsync(other, classification);
        Assert.True(classes >= 2, "the rules engine classifies at least two dimensions");
        var lights = await TotalAsync(other, highlight);

        var assigned = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { report_id = reportId, reviewers = new[] { nameA, nameB } }, ReportLensJson.Options, ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(2, (await assigned.Content.ReadFromJsonAsync<JsonElement>(ct)).GetArrayLength());

        // Someone not assigned cannot review it; the two reviewers each review into their own record.
        await ProblemAssert.IsProblemAsync(await ReviewScenario.ReviewAsync(other, highlight, new { item = "highlights/0", decision = "accept" }), HttpStatusCode.Forbidden);
        // Both: highlights/1 rejected, every other highlight accepted.
        var highlightDecisions = Enumerable.Range(0, lights).Select(i => (object)new { item = $"highlights/{i}", decision = i == 1 ? "reject" : "accept" }).ToArray();
        (await ReviewScenario.ReviewAsync(a, highlight, highlightDecisions)).EnsureSuccessStatusCode();
        (await ReviewScenario.ReviewAsync(b, highlight, highlightDecisions[0])).EnsureSuccessStatusCode();
        var b1 = await (await ReviewScenario.ReviewAsync(b, highlight, highlightDecisions[1..])).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal((lights - 1, 1), (b1.GetProperty("counts").GetProperty("accepted").GetInt32(), b1.GetProperty("counts").GetProperty("rejected").GetInt32()));
        var accept = Enumerable.Range(0, classes).Select(i => (object)new { item = $"classifications/{i}", decision = "accept" }).ToArray();
        (await ReviewScenario.ReviewAsync(b, classification, accept)).EnsureSuccessStatusCode();
        var corrected = await CorrectedCategoryAsync(other, classification);
        accept[0] = new { item = "classifications/0", decision = "edit", attributes = new { category = corrected } };
        (await ReviewScenario.ReviewAsync(a, classification, accept)).EnsureSuccessStatusCode();

        // Blind: A sees A's edit, B sees B's accept, anyone else sees nothing decided; the comparison is hidden from A.
        Assert.Equal("edit", (await ItemsAsync(a, classification)).GetProperty("classifications/0").GetProperty("decision").GetString());
        Assert.Equal("accept", (await ItemsAsync(b, classification)).GetProperty("classifications/0").GetProperty("decision").GetString());
        Assert.Empty((await ItemsAsync(other, classification)).EnumerateObject());
        await ProblemAssert.IsProblemAsync(await a.GetAsync($"/api/v1/reviews/assignments/{classification}/comparison", ct), HttpStatusCode.Forbidden);

        foreach (var (client, id) in new[] { (a, highlight), (a, classification), (b, highlight) })
        {
            (await client.PostAsync($"/api/v1/reviews/assignments/{id}/finish", null, ct)).EnsureSuccessStatusCode();
        }

        await ProblemAssert.IsProblemAsync(await ReviewScenario.ReviewAsync(a, classification, new { item = "classifications/1", decision = "reject" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await a.GetAsync($"/api/v1/reviews/assignments/{classification}/comparison", ct), HttpStatusCode.Forbidden);
        var finished = await (await b.PostAsync($"/api/v1/reviews/assignments/{classification}/finish", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("needs_adjudication", finished.GetProperty("state").GetString());

        // The highlight annotation, agreed on every item, was settled without adjudication.
        var settledHighlight = await RecordAsync(highlight);
        Assert.Equal(("accept", "reject"), (settledHighlight.Items["highlights/0"].Decision, settledHighlight.Items["highlights/1"].Decision));
        Assert.Null(settledHighlight.AdjudicatedBy);
        Assert.Equal(lights, (await ItemsAsync(other, highlight)).EnumerateObject().Count());

        var comparison = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/assignments/{classification}/comparison", ct);
        Assert.Equal(1, comparison.GetProperty("disagreements").GetInt32());
        var disputed = Assert.Single(comparison.GetProperty("rows").EnumerateArray(), r => !r.GetProperty("agree").GetBoolean());
        Assert.Equal("classifications/0", disputed.GetProperty("item").GetString());

        // Only a third person, an admin, settles it; every disputed item must be settled.
        await ProblemAssert.IsProblemAsync(await a.PostAsJsonAsync($"/api/v1/reviews/assignments/{classification}/adjudication", new { items = Array.Empty<object>() }, ct), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/reviews/assignments/{classification}/adjudication", new { items = Array.Empty<object>() }, ct), HttpStatusCode.BadRequest);
        var settled = await admin.PostAsJsonAsync($"/api/v1/reviews/assignments/{classification}/adjudication",
            new { items = new[] { new { item = "classifications/0", take = nameB } } }, ReportLensJson.Options, ct);
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        var record = await RecordAsync(classification);
        Assert.Equal("admin", record.AdjudicatedBy);
        Assert.NotNull(record.AdjudicatedAt);
        Assert.Equal(classes, record.Items.Count);
        Assert.All(record.Items.Values, d => Assert.Equal("accept", d.Decision));
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/reviews/assignments/{classification}/adjudication", new { items = Array.Empty<object>() }, ct), HttpStatusCode.Conflict);
        await using (var db = TestDb.Open(App))
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "adjudicate" && e.ReportId == reportId, ct));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "review_assign" && e.ReportId == reportId, ct));
        }

        // Agreement: highlights alike (1 reject, h − 1 accept) → p_o 1, p_e = (1/h)² + ((h − 1)/h)², κ 1; classifications
        // differ on 1 of n, and B accepted all → p_e = p_o, κ 0; on dimension 0 the two verdicts differ.
        var agreement = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reviews/agreement", ct);
        var pair = Assert.Single(agreement.GetProperty("reviewers").EnumerateArray(), p => p.GetProperty("reviewer_a").GetString() == nameA);
        Assert.Equal(nameB, pair.GetProperty("reviewer_b").GetString());
        Assert.Equal(2, pair.GetProperty("annotations").GetInt32());
        var highlights = Row(pair.GetProperty("kinds"), "highlights");
        var h = (double)lights;
        Assert.Equal((lights, lights, 1.0, Math.Round(1 / (h * h) + (h - 1) * (h - 1) / (h * h), 4), 1.0), Figures(highlights));
        var classifications = Row(pair.GetProperty("kinds"), "classifications");
        Assert.Equal((classes, classes - 1, Math.Round((classes - 1.0) / classes, 4), Math.Round((classes - 1.0) / classes, 4), 0.0), Figures(classifications));
        var dimension = pair.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("agreed").GetInt32() == 0);
        Assert.Equal(1, dimension.GetProperty("items").GetInt32());

        // Reviewer against engine: A rejected one of the h rules highlights (the engine says accept to all) → raw (h − 1)/h.
        var engineRow = Assert.Single(agreement.GetProperty("engines").EnumerateArray(),
            e => e.GetProperty("reviewer").GetString() == nameA && e.GetProperty("engine").GetString() == "rules" && Row(e.GetProperty("kinds"), "highlights").ValueKind != JsonValueKind.Undefined);
        Assert.Equal(Math.Round((h - 1) / h, 4), Row(engineRow.GetProperty("kinds"), "highlights").GetProperty("raw_agreement").GetDouble());
    }

    [Fact]
    public async Task Adjudication_BySeniorRadiologist_Settles_PlainRadiologistAndSeniorReviewerGet403()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        using var radiologist = await App.RadiologistAsync();
        var (nameA, a) = await ReviewerAsync(admin);
        var (nameB, b) = await ReviewerAsync(admin);
        var (seniorName, senior) = await ReviewerAsync(admin, "senior");
        var (seniorReviewerName, seniorReviewer) = await ReviewerAsync(admin, "senior");
        Assert.Equal("senior", (await senior.GetFromJsonAsync<JsonElement>("/api/v1/auth/me", ct)).GetProperty("role").GetString());
        var mine = await DisputedClassificationAsync(admin, radiologist, (nameA, a), (nameB, b));
        var theirs = await DisputedClassificationAsync(admin, radiologist, (nameA, a), (seniorReviewerName, seniorReviewer));
        var settle = new { items = new[] { new { item = "classifications/0", take = nameA } } };

        // A radiologist who is not one of the two neither sees nor settles; a senior who reviewed it does not settle it.
        await ProblemAssert.IsProblemAsync(await radiologist.GetAsync($"/api/v1/reviews/assignments/{mine}/comparison", ct), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await radiologist.PostAsJsonAsync($"/api/v1/reviews/assignments/{mine}/adjudication", settle, ReportLensJson.Options, ct), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await seniorReviewer.PostAsJsonAsync($"/api/v1/reviews/assignments/{theirs}/adjudication", settle, ReportLensJson.Options, ct), HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await radiologist.GetFromJsonAsync<JsonElement>("/api/v1/reviews/assignments", ct)).EnumerateArray(), d => d.GetProperty("annotation_id").GetInt64() == mine);

        // A senior radiologist sees every double review, compares and settles.
        Assert.Contains((await senior.GetFromJsonAsync<JsonElement>("/api/v1/reviews/assignments", ct)).EnumerateArray(),
            d => d.GetProperty("annotation_id").GetInt64() == mine && d.GetProperty("state").GetString() == "needs_adjudication");
        Assert.Equal(1, (await senior.GetFromJsonAsync<JsonElement>($"/api/v1/reviews/assignments/{mine}/comparison", ct)).GetProperty("disagreements").GetInt32());
        var settled = await senior.PostAsJsonAsync($"/api/v1/reviews/assignments/{mine}/adjudication", settle, ReportLensJson.Options, ct);
        Assert.Equal(HttpStatusCode.OK, settled.StatusCode);
        var record = await RecordAsync(mine);
        Assert.Equal(seniorName, record.AdjudicatedBy);
        Assert.Equal("edit", record.Items["classifications/0"].Decision);
        await using var db = TestDb.Open(App);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "adjudicate" && e.Username == seniorName && e.Role == "senior", ct));
    }

    /// <summary>A classification annotation two reviewers finished disagreeing on item 0 (A edits it, B accepts all): waiting for adjudication.</summary>
    private async Task<long> DisputedClassificationAsync(HttpClient admin, HttpClient analyst, (string Name, HttpClient Client) first, (string Name, HttpClient Client) second)
    {
        var ct = TestContext.Current.CancellationToken;
        var reportId = await ReportOfAsync(await ReviewScenario.AnalysedHighlightAsync(analyst));
        var classification = (await ReviewScenario.AnalyseAsync(analyst, reportId, "classification")).GetProperty("annotation_id").GetInt64();
        var classes = await TotalAsync(analyst, classification);
        var assigned = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { classification }, reviewers = new[] { first.Name, second.Name } }, ReportLensJson.Options, ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var accept = Enumerable.Range(0, classes).Select(i => (object)new { item = $"classifications/{i}", decision = "accept" }).ToArray();
        (await ReviewScenario.ReviewAsync(second.Client, classification, accept)).EnsureSuccessStatusCode();
        accept[0] = new { item = "classifications/0", decision = "edit", attributes = new { category = await CorrectedCategoryAsync(analyst, classification) } };
        (await ReviewScenario.ReviewAsync(first.Client, classification, accept)).EnsureSuccessStatusCode();
        (await first.Client.PostAsync($"/api/v1/reviews/assignments/{classification}/finish", null, ct)).EnsureSuccessStatusCode();
        var finished = await (await second.Client.PostAsync($"/api/v1/reviews/assignments/{classification}/finish", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("needs_adjudication", finished.GetProperty("state").GetString());
        return classification;
    }

    [Fact]
    public async Task Assign_BadRequests_AreRefusedWithReasons()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        using var admin = await App.AdminAsync();
        using var radiologist = await App.RadiologistAsync();
        var (nameA, _) = await ReviewerAsync(admin);
        var annotation = await ReviewScenario.AnalysedHighlightAsync(radiologist);

        var same = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { annotation }, reviewers = new[] { nameA, nameA } }, ct);
        var viewer = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { annotation }, reviewers = new[] { nameA, "viewer1" } }, ct);
        var unknown = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { 987654321L }, reviewers = new[] { nameA, "radiologist1" } }, ct);
        var byRadiologist = await radiologist.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { annotation }, reviewers = new[] { nameA, "radiologist1" } }, ct);
        var ok = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { annotation }, reviewers = new[] { nameA, "radiologist1" } }, ct);
        var again = await admin.PostAsJsonAsync("/api/v1/reviews/assignments", new { annotation_ids = new[] { annotation }, reviewers = new[] { nameA, "radiologist1" } }, ct);
        var early = await radiologist.PostAsync($"/api/v1/reviews/assignments/{annotation}/finish", null, ct);

        Assert.True((await ProblemAssert.IsProblemAsync(same, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reviewers", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(viewer, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reviewers", out _));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, byRadiologist.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("pending", (await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
    }

    private async Task<(string Name, HttpClient Client)> ReviewerAsync(HttpClient admin, string role = "radiologist")
    {
        var name = $"dr{Interlocked.Increment(ref _users)}{GetType().Name.Length}";
        var password = "reviewer-pass-1";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password, role }, ReportLensJson.Options);
        Assert.True(created.IsSuccessStatusCode || created.StatusCode == HttpStatusCode.Conflict, created.StatusCode.ToString());
        return (name, await App.ClientAsync(name, password));
    }

    private async Task<int> ReportOfAsync(long annotationId)
    {
        await using var db = TestDb.Open(App);
        return await db.Annotations.Where(a => a.Id == annotationId).Select(a => a.ReportId).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> TotalAsync(HttpClient client, long annotationId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/annotations/{annotationId}/review", TestContext.Current.CancellationToken)).GetProperty("counts").GetProperty("total").GetInt32();

    private static async Task<JsonElement> ItemsAsync(HttpClient client, long annotationId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/annotations/{annotationId}/review", TestContext.Current.CancellationToken)).GetProperty("items");

    /// <summary>A category of classification 0's dimension other than the engine's.</summary>
    private async Task<string> CorrectedCategoryAsync(HttpClient client, long annotationId)
    {
        await using var db = TestDb.Open(App);
        var json = await db.Annotations.Where(a => a.Id == annotationId).Select(a => a.ContentJson!).SingleAsync(TestContext.Current.CancellationToken);
        var first = JsonDocument.Parse(json).RootElement.GetProperty("classifications")[0];
        var categories = ReportLens.Core.Annotations.ClassificationVocabulary.CategoriesOf(first.GetProperty("dimension").GetString()!);
        return categories.First(c => c != first.GetProperty("category").GetString());
    }

    private async Task<ReviewRecord> RecordAsync(long annotationId)
    {
        await using var db = TestDb.Open(App);
        var json = await db.Annotations.Where(a => a.Id == annotationId).Select(a => a.ReviewJson).SingleAsync(TestContext.Current.CancellationToken);
        return JsonSerializer.Deserialize<ReviewRecord>(json!, ReportLensJson.Options)!;
    }

    private static JsonElement Row(JsonElement rows, string name) =>
        rows.EnumerateArray().FirstOrDefault(r => r.GetProperty("name").GetString() == name);

    private static (int, int, double, double, double) Figures(JsonElement row) => (
        row.GetProperty("items").GetInt32(), row.GetProperty("agreed").GetInt32(), row.GetProperty("raw_agreement").GetDouble(),
        row.GetProperty("expected_agreement").GetDouble(), row.GetProperty("kappa").GetDouble());
}

public sealed class DoubleReviewSqliteTests(SqliteAppFixture app) : DoubleReviewTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class DoubleReviewPostgresTests(PostgresAppFixture app) : DoubleReviewTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
