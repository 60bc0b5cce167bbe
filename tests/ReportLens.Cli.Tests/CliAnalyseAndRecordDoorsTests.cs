using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Tests;

/// <summary>
/// "Analyse and record" has one home: the server's API, `reportlens analyze --report-id` and `analyze --all` (a job
/// run by the CLI's own worker), given the same report text, store the same annotation, report fields, cache entry
/// and audit record — on SQLite and PostgreSQL.
/// </summary>
public sealed class CliAnalyseAndRecordDoorsTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApiCliAndCliJob_SameReportText_StoreTheSameRows(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = provider == "postgres" ? await CreatePostgresAsync() : null;
        var url = postgres?.Url ?? _workspace.DatabaseUrl;
        Task<CliResult> Cli(params string[] args) => CliProcess.RunAsync(_workspace.Folder, [.. args, "--database", url], null, null, ct);
        Assert.Equal(0, (await Cli("db", "migrate")).ExitCode);
        var text = $"检查所见：右侧大量气胸，右肺压缩约70%。纵隔左移。病例{Guid.NewGuid():N}。\n诊断意见：右侧张力性气胸，请临床紧急处理。";
        var ids = await TestReports.StoreSameTextAsync(url, text, 3);

        await using (var server = await DatabaseServer.StartAsync(url, _workspace.Folder))
        {
            using var client = await server.AdminClientAsync();
            var api = await client.PostAsJsonAsync("/api/v1/ai/analyze",
                new { report_id = ids[0], annotation_type = "classification", user_prompt = "", engine = "rules" }, ct);
            Assert.True(api.IsSuccessStatusCode, await api.Content.ReadAsStringAsync(ct));
        }

        var one = await Cli("analyze", "--report-id", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--type", "classification", "--engine", "rules");
        Assert.True(one.ExitCode == 0, one.ToString());
        var all = await Cli("analyze", "--all", "--type", "classification", "--engine", "rules");
        Assert.True(all.ExitCode == 0, all.ToString());

        await using var db = Open(url);
        var annotations = await db.Annotations.AsNoTracking().Where(a => ids.Contains(a.ReportId)).OrderBy(a => a.ReportId).ToListAsync(ct);
        Assert.Equal(ids, annotations.Select(a => a.ReportId));
        Assert.Single(annotations.Select(Stored).Distinct());
        Assert.Equal([false, true, true], annotations.Select(a => a.Cached));
        var jobId = Assert.Single(annotations, a => a.JobId is not null).JobId;
        Assert.Equal(ids[2], annotations.Single(a => a.JobId == jobId).ReportId);

        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(ct);
        Assert.Equal(annotations.Select(a => (DateTimeOffset?)a.CreatedAt), reports.Select(r => r.LastAnalysedAt));
        Assert.Equal(["危急"], reports.Select(r => r.Urgency).Distinct());
        Assert.Equal(1, await db.CacheEntries.CountAsync(c => c.AnnotationType == AnnotationType.Classification, ct));

        var audits = await db.AuditEntries.AsNoTracking().Where(e => e.ReportId != null && ids.Contains(e.ReportId.Value) && e.Action == "analyze")
            .OrderBy(e => e.ReportId).ToListAsync(ct);
        Assert.Equal(ids, audits.Select(e => e.ReportId!.Value));
        Assert.Equal(["classification by rules"], audits.Select(e => e.Detail).Distinct());
        Assert.Equal([DatabaseServer.AdminUser, $"cli:{Environment.UserName}", $"job:{jobId}"], audits.Select(e => e.Username));
    }

    /// <summary>The stored fields that do not depend on the door (ids, times, cache use and durations do).</summary>
    private static (AnnotationType, EngineKind, AnnotationStatus, string?, string, string, string, double?, double?, string?) Stored(Annotation a) =>
        (a.AnnotationType, a.Engine, a.Status, a.ContentJson, a.UserPrompt, a.ModelName, a.PromptVersion, a.Confidence, a.GroundedFraction, a.ConfidenceJson);

    private static Task<TestDatabase> CreatePostgresAsync() => TestDatabase.CreateAsync("postgres");

    private static ReportLensDbContext Open(string url) => DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(url));
}
