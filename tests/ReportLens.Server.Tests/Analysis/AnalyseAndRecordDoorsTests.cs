using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Core.Annotations;
using ReportLens.Core.Reports;
using ReportLens.Core.Text;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Jobs;
using ReportLens.Server.Ui;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>
/// "Analyse and record" has one home: the job worker, the API and the web UI's Analyse form, given the same report
/// text, store the same annotation, report fields, cache entry and audit record.
/// </summary>
public abstract class AnalyseAndRecordDoorsTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task JobWorkerApiAndUi_SameReportText_StoreTheSameRows()
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var text = $"检查所见：右侧大量气胸，右肺压缩约70%。纵隔左移。病例{Guid.NewGuid():N}。\n诊断意见：右侧张力性气胸，请临床紧急处理。";
        var ids = await TestReports.StoreSameTextAsync(App.Database.Url, text, 3);
        using var client = await App.RadiologistAsync();

        // The job worker runs first: its fresh result's cache entry commits with its annotation and serves the others.
        var created = await client.PostAsJsonAsync("/api/v1/jobs",
            new { report_ids = new[] { ids[0] }, annotation_type = "classification", user_prompt = "", engine = "rules" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("job_id").GetInt64();
        var job = await JobsTestData.WaitUntilFinishedAsync(client, jobId, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", job.GetProperty("status").GetString());

        var analysed = await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = ids[1], annotation_type = "classification", user_prompt = "", engine = "rules" }, ct);
        Assert.Equal(HttpStatusCode.OK, analysed.StatusCode);

        var radiologistId = await UserIdAsync("radiologist1");
        var form = new AnalysisForm { Type = "classification", Engine = "rules", UserPrompt = "" };
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<AnalysisRunner>();
            var stored = await runner.RunAsync(ids[2], form, UiPrincipal.For(radiologistId, "radiologist1", "radiologist"), _ => Task.CompletedTask, ct);
            Assert.Equal(AnnotationStatus.Succeeded, stored.Status);
        }

        await using var db = TestDb.Open(App);
        var annotations = await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.ReportId).ToListAsync(ct);
        Assert.Equal(ids, annotations.Select(a => a.ReportId));
        Assert.Single(annotations.Select(Stored).Distinct());
        Assert.Equal([false, true, true], annotations.Select(a => a.Cached));
        Assert.Equal([(long?)jobId, null, null], annotations.Select(a => a.JobId));
        Assert.All(annotations, a => Assert.Equal(radiologistId, a.CreatedBy));

        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct);
        Assert.Equal(annotations.Select(a => (DateTimeOffset?)a.CreatedAt), reports.Select(r => r.LastAnalysedAt));
        Assert.Equal(["危急"], reports.Select(r => r.Urgency).Distinct());

        Assert.Equal(1, await db.CacheEntries.CountAsync(c => c.Key == CacheKey(text), ct));

        var audits = await db.AuditEntries.AsNoTracking().Where(e => e.ReportId != null && ids.Contains(e.ReportId.Value) && e.Action == "analyze")
            .OrderBy(e => e.ReportId).ToListAsync(ct);
        Assert.Equal(ids, audits.Select(e => e.ReportId!.Value));
        Assert.Equal(["classification by rules"], audits.Select(e => e.Detail).Distinct());
        Assert.Equal([$"job:{jobId}", "radiologist1", "radiologist1"], audits.Select(e => e.Username));
        Assert.All(audits, e => Assert.Equal(radiologistId, e.UserId));
    }

    /// <summary>The stored fields that do not depend on the door (ids, times, cache use and durations do).</summary>
    private static (AnnotationType, EngineKind, AnnotationStatus, string?, string, string, string, double?, double?, string?) Stored(Annotation a) =>
        (a.AnnotationType, a.Engine, a.Status, a.ContentJson, a.UserPrompt, a.ModelName, a.PromptVersion, a.Confidence, a.GroundedFraction, a.ConfidenceJson);

    private string CacheKey(string text)
    {
        var analyzer = App.Services.GetRequiredService<IReportAnalyzer>();
        var request = new AnalysisRequest(text, ReportLanguage.Zh, AnnotationType.Classification, "", EngineKind.Rules);
        return ResultCache.Key(text, "classification", analyzer.Fingerprint(request, EngineKind.Rules));
    }

    private async Task<int> UserIdAsync(string username)
    {
        await using var db = TestDb.Open(App);
        return await db.Users.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }
}

public sealed class AnalyseAndRecordDoorsSqliteTests(SqliteAppFixture app) : AnalyseAndRecordDoorsTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class AnalyseAndRecordDoorsPostgresTests(PostgresAppFixture app) : AnalyseAndRecordDoorsTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
