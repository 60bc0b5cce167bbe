using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.CriticalFindings;

/// <summary>
/// Critical findings through the real server: a positively stated critical finding opens one case (not two on
/// re-analysis), webhooks arrive signed and retried, a radiologist acknowledges or dismisses it once, all audited.
/// Reports written for this test.
/// </summary>
public abstract class CriticalFindingsApiTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : CriticalFindingsAppFixture
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dismiss_CountsAsAFalseAlarmOfTheEngineInTheReviewStatistics()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var acknowledged = await CriticalFindingScenario.OpenCaseAsync(radiologist);
        var dismissed = await CriticalFindingScenario.OpenCaseAsync(radiologist);
        var before = await RulesVerdictsAsync(radiologist);

        (await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{acknowledged}/acknowledge", new { note = "called" }, Ct)).EnsureSuccessStatusCode();
        (await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{dismissed}/dismiss", new { reason = "old film" }, Ct)).EnsureSuccessStatusCode();

        var after = await RulesVerdictsAsync(radiologist);
        Assert.Equal((before.Acknowledged + 1, before.Dismissed + 1), (after.Acknowledged, after.Dismissed));
        Assert.Equal(Math.Round((double)after.Dismissed / (after.Acknowledged + after.Dismissed), 4), after.Rate);
    }

    /// <summary>The rules engine's highlight row of GET /api/v1/reviews/stats: closed cases and the false-alarm rate.</summary>
    private static async Task<(int Acknowledged, int Dismissed, double? Rate)> RulesVerdictsAsync(HttpClient client)
    {
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/v1/reviews/stats?annotation_type=highlight", Ct);
        var row = stats.GetProperty("groups").EnumerateArray().SingleOrDefault(g => g.GetProperty("engine").GetString() == "rules");
        return row.ValueKind == JsonValueKind.Undefined
            ? (0, 0, null)
            : (row.GetProperty("critical_acknowledged").GetInt32(), row.GetProperty("critical_dismissed").GetInt32(),
                row.TryGetProperty("false_alarm_rate", out var rate) ? rate.GetDouble() : null);
    }

    [Fact]
    public async Task Analyse_ReportWithPneumothorax_OpensOneCaseWithEvidenceAndReanalysisOpensNoSecond()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var text = $"Findings: Large right pneumothorax with leftward mediastinal shift. Exam {Guid.NewGuid():N}.\nImpression: Right pneumothorax.";
        var reportId = await CriticalFindingScenario.StoreAsync(radiologist, text, "CR-PTX-1");

        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "highlight");
        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "classification");

        var cases = await CriticalFindingScenario.CasesOfAsync(radiologist, reportId);
        var only = Assert.Single(cases);
        Assert.Equal("open", only.GetProperty("state").GetString());
        Assert.Equal("pneumothorax", only.GetProperty("finding").GetProperty("term").GetString());
        Assert.Equal("chest", only.GetProperty("finding").GetProperty("category").GetString());
        Assert.Equal("CR-PTX-1", only.GetProperty("accession_number").GetString());
        var evidence = only.GetProperty("evidence");
        Assert.Equal("pneumothorax", text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]);
        await using var db = TestDb.Open(App);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "critical_open" && e.ReportId == reportId, Ct));
    }

    [Theory]
    [InlineData("Findings: No pneumothorax. Lungs are clear.\nImpression: No acute cardiopulmonary abnormality.")]
    [InlineData("Findings: Possible small apical pneumothorax.\nImpression: Possible pneumothorax, follow-up radiograph recommended.")]
    [InlineData("检查所见：双肺纹理清晰，未见气胸征象。\n诊断意见：胸部未见异常。")]
    public async Task Analyse_NegatedOrUncertainCriticalTerm_OpensNoCase(string text)
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var reportId = await CriticalFindingScenario.StoreAsync(radiologist, $"{text} {Guid.NewGuid():N}", null);

        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "highlight");

        Assert.Empty(await CriticalFindingScenario.CasesOfAsync(radiologist, reportId));
    }

    [Fact]
    public async Task OpenedCase_IsSentSignedWithIdsOnly_AndAFailingReceiverIsRetriedWithBackoffUntilItAccepts()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var text = $"检查所见：右侧气胸，右肺组织压缩约40%。编号{Guid.NewGuid():N}。\n诊断意见：右侧气胸。";
        var reportId = await CriticalFindingScenario.StoreAsync(radiologist, text, "CR-PTX-2");
        await CriticalFindingScenario.AnalyseAsync(radiologist, reportId, "highlight");
        var caseId = Assert.Single(await CriticalFindingScenario.CasesOfAsync(radiologist, reportId)).GetProperty("id").GetInt64();

        var primary = Assert.Single(await App.Receiver.WaitForAsync("primary", caseId, 1, Wait));
        var flaky = await App.Receiver.WaitForAsync("flaky", caseId, 3, Wait);

        Assert.True(primary.SignatureValid);
        Assert.Equal("critical_finding.opened", primary.Event);
        Assert.Equal("critical_finding.opened", primary.Json.GetProperty("event").GetString());
        Assert.Equal(reportId, primary.Json.GetProperty("report_id").GetInt32());
        Assert.Equal("CR-PTX-2", primary.Json.GetProperty("accession_number").GetString());
        Assert.Equal("气胸", primary.Json.GetProperty("finding").GetProperty("term").GetString());
        Assert.Equal(text.IndexOf("气胸", StringComparison.Ordinal), primary.Json.GetProperty("evidence").GetProperty("start").GetInt32());
        Assert.DoesNotContain("压缩", primary.Body, StringComparison.Ordinal);
        Assert.Equal([500, 500, 204], flaky.Select(c => c.Answered));
        Assert.All(flaky, c => Assert.True(c.SignatureValid));
        Assert.Single(flaky.Select(c => c.Delivery).Distinct());

        await using var db = TestDb.Open(App);
        var delivery = await WaitDeliveredAsync(db, caseId, App.Receiver.Hook("flaky").AbsoluteUri);
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).ToListAsync(Ct)).OrderBy(a => a.Id).ToList();
        Assert.Equal([500, 500, 204], attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal(3, delivery.Attempts);
        var base_ = TimeSpan.FromSeconds(CriticalFindingsAppFixture.RetryBaseSeconds);
        Assert.True(attempts[1].At - attempts[0].At >= base_, $"first retry after {attempts[1].At - attempts[0].At}");
        Assert.True(attempts[2].At - attempts[1].At >= 2 * base_, $"second retry after {attempts[2].At - attempts[1].At}");
    }

    [Fact]
    public async Task Acknowledge_ByRadiologist_RecordsWhoWhenNoteOnceAndAudits()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var caseId = await CriticalFindingScenario.OpenCaseAsync(radiologist);

        using var first = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/acknowledge", new { note = "电话通知急诊医生 王医生" }, Ct);
        using var second = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/acknowledge", new { note = "again" }, Ct);
        using var dismissAfter = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/dismiss", new { reason = "late" }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var closed = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("acknowledged", closed.GetProperty("state").GetString());
        Assert.Equal("radiologist1", closed.GetProperty("closed_by_name").GetString());
        Assert.Equal("电话通知急诊医生 王医生", closed.GetProperty("note").GetString());
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(dismissAfter, HttpStatusCode.Conflict);
        await using var db = TestDb.Open(App);
        var stored = await db.CriticalCases.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct);
        Assert.NotNull(stored.ClosedAt);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "critical_acknowledge" && e.ReportId == stored.ReportId && e.Username == "radiologist1", Ct));
        using var acknowledged = await radiologist.GetAsync("/api/v1/critical-findings?state=acknowledged&page_size=200", Ct);
        var items = (await acknowledged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray();
        Assert.Contains(items, c => c.GetProperty("id").GetInt64() == caseId);
        var metrics = await App.Anonymous().GetStringAsync("/metrics", Ct);
        Assert.Contains("reportlens_critical_time_to_close_seconds_count{outcome=\"acknowledged\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("reportlens_critical_cases{state=\"acknowledged\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismiss_WithReason_ClosesAsFalseAlarm_WithoutReasonIs400()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var caseId = await CriticalFindingScenario.OpenCaseAsync(radiologist);

        using var blank = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/dismiss", new { reason = "  " }, Ct);
        using var tooLong = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/dismiss", new { reason = new string('x', 2001) }, Ct);
        using var dismissed = await radiologist.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/dismiss", new { reason = "旧片所见，已引流" }, Ct);

        await ProblemAssert.IsProblemAsync(blank, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("dismissed", (await dismissed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());
        await using var db = TestDb.Open(App);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "critical_dismiss" && e.Detail == $"case {caseId}: pneumothorax", Ct));
    }

    [Fact]
    public async Task Viewer_ListsButCannotClose_UnknownCaseIs404_BadQueryIs400()
    {
        App.SkipIfUnavailable();
        using var radiologist = await App.RadiologistAsync();
        var caseId = await CriticalFindingScenario.OpenCaseAsync(radiologist);
        using var viewer = await App.ViewerAsync();

        using var list = await viewer.GetAsync("/api/v1/critical-findings?state=open", Ct);
        using var acknowledge = await viewer.PostAsJsonAsync($"/api/v1/critical-findings/{caseId}/acknowledge", new { note = "seen" }, Ct);
        using var missing = await radiologist.PostAsJsonAsync("/api/v1/critical-findings/987654321/acknowledge", new { note = "x" }, Ct);
        using var badState = await viewer.GetAsync("/api/v1/critical-findings?state=closed", Ct);
        using var badPage = await viewer.GetAsync("/api/v1/critical-findings?page=0", Ct);
        using var anonymous = await App.Anonymous().GetAsync("/api/v1/critical-findings", Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains((await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("id").GetInt64() == caseId);
        Assert.Equal(HttpStatusCode.Forbidden, acknowledge.StatusCode);
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(badState, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(badPage, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<WebhookDelivery> WaitDeliveredAsync(global::ReportLens.Data.ReportLensDbContext db, long caseId, string url)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.CaseId == caseId && d.Url == url, Ct);
            if (delivery.State != WebhookDeliveryState.Pending || DateTime.UtcNow > until)
            {
                Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
                return delivery;
            }

            await Task.Delay(50, Ct);
        }
    }
}

public sealed class SqliteCriticalFindingsApiTests(SqliteCriticalFindingsAppFixture app)
    : CriticalFindingsApiTests<SqliteCriticalFindingsAppFixture>(app), IClassFixture<SqliteCriticalFindingsAppFixture>;

public sealed class PostgresCriticalFindingsApiTests(PostgresCriticalFindingsAppFixture app)
    : CriticalFindingsApiTests<PostgresCriticalFindingsAppFixture>(app), IClassFixture<PostgresCriticalFindingsAppFixture>;
