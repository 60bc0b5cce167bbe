using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Jobs;

/// <summary>
/// A stored analysis commits its annotation and its cache entry in one transaction (AnalyseAndRecord), on both
/// providers: both or neither, and a key stored meanwhile by another process never costs the annotation.
/// </summary>
public sealed class StagedCacheEntryTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StagedEntry_CommitsWithTheAnnotation(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (factory, cache, reportId) = await PrepareAsync(database);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Annotations.Add(NewAnnotation(reportId));
            await cache.StageAsync(db, "key-a", AnnotationType.Highlight, "m", Result("ours"), justMissed: true, CancellationToken.None);
            await ResultCache.SaveChangesAsync(db, CancellationToken.None);
        }

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(1, await check.Annotations.CountAsync(a => a.ReportId == reportId));
        Assert.Equal("ours", WrittenBy(await cache.GetAsync("key-a", CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KeyStoredMeanwhileByAnotherProcess_AnnotationStillCommits_StoredEntryStays(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (factory, cache, reportId) = await PrepareAsync(database);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Annotations.Add(NewAnnotation(reportId));
            await cache.StageAsync(db, "key-b", AnnotationType.Highlight, "m", Result("ours"), justMissed: false, CancellationToken.None);

            // Between staging and commit, another server stores the same key.
            await cache.PutAsync("key-b", AnnotationType.Highlight, "m", Result("theirs"), CancellationToken.None);
            await ResultCache.SaveChangesAsync(db, CancellationToken.None);
        }

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(1, await check.Annotations.CountAsync(a => a.ReportId == reportId));
        Assert.Equal(1, await check.CacheEntries.CountAsync(c => c.Key == "key-b"));
        Assert.Equal("theirs", WrittenBy(await cache.GetAsync("key-b", CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BypassOfAStoredKey_RefreshesTheEntryInPlace(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (factory, cache, reportId) = await PrepareAsync(database);
        await cache.PutAsync("key-d", AnnotationType.Highlight, "m", Result("old"), CancellationToken.None);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Annotations.Add(NewAnnotation(reportId));
            await cache.StageAsync(db, "key-d", AnnotationType.Highlight, "m", Result("new"), justMissed: false, CancellationToken.None);
            await ResultCache.SaveChangesAsync(db, CancellationToken.None);
        }

        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(1, await check.CacheEntries.CountAsync(c => c.Key == "key-d"));
        Assert.Equal("new", WrittenBy(await cache.GetAsync("key-d", CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedCommit_StoresNeitherAnnotationNorCacheEntry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (factory, cache, _) = await PrepareAsync(database);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Annotations.Add(NewAnnotation(reportId: 999_999));
            await cache.StageAsync(db, "key-c", AnnotationType.Highlight, "m", Result("ours"), justMissed: true, CancellationToken.None);
            await Assert.ThrowsAsync<DbUpdateException>(() => ResultCache.SaveChangesAsync(db, CancellationToken.None));
        }

        await using var check = await factory.CreateDbContextAsync();
        Assert.False(await check.Annotations.AnyAsync(a => a.ReportId == 999_999));
        Assert.False(await check.CacheEntries.AnyAsync(c => c.Key == "key-c"));
    }

    /// <summary>
    /// An entry as the cache wrote it before it stored the analyzer's outcome itself (a separate CachedResult record
    /// with the same fields): still read, its content kept byte for byte, and the same JSON written again.
    /// </summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EntryInTheEarlierFormat_IsServedByteForByte_AndWrittenAlike(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (factory, cache, _) = await PrepareAsync(database);
        const string content = """{"classifications":[{"dimension":"紧急程度","category":"危急","confidence":0.90}]}""";
        const string stored = """{"engine":"hybrid","content":""" + content + ""","grounded_fraction":1,"confidence":0.87,"confidence_details":{"value":0.87},"llm":{"model":"qwen2.5:7b","backend":"http://ollama:11434","prompt_version":"v3","temperature":0.1,"prompt_tokens":812,"output_tokens":64,"total_duration_ns":900000000,"load_duration_ns":1000,"prompt_eval_duration_ns":2000,"eval_duration_ns":3000,"schema_repairs":0,"raw_reply":"{}","deidentified":true,"thought":false,"chunks":1,"num_ctx":4096,"prompt_truncated":false,"token_confidence":"unavailable"},"agreement":0.75,"contradictions":1,"duration_seconds":1.234}""";
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.CacheEntries.Add(new CacheEntry
            {
                Key = "key-e",
                AnnotationType = AnnotationType.Classification,
                ModelName = "qwen2.5:7b",
                ResultJson = stored,
                CreatedAt = DateTimeOffset.UtcNow,
                LastHitAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var hit = await cache.GetAsync("key-e", CancellationToken.None);

        Assert.NotNull(hit);
        Assert.True(hit.Cached);
        Assert.Equal(content, hit.Content.GetRawText());
        Assert.Equal((EngineKind.Hybrid, 0.87, 0.75, 1, 1.234), (hit.Engine, hit.Confidence, hit.Agreement, hit.Contradictions, hit.DurationSeconds));
        Assert.Equal(("qwen2.5:7b", 812, true, 4096), (hit.Llm?.Model, hit.Llm?.PromptTokens, hit.Llm?.Deidentified, hit.Llm?.NumCtx));
        Assert.Equal(stored, JsonSerializer.Serialize(hit, ReportLensJson.Options));
    }

    private static async Task<(IDbContextFactory<ReportLensDbContext> Factory, ResultCache Cache, int ReportId)> PrepareAsync(TestDatabase database)
    {
        var factory = await database.MigratedFactoryAsync();
        var ids = await TestReports.StoreAsync(database.Url, 1, Guid.NewGuid().ToString("N")[..8]);
        return (factory, new ResultCache(factory, TimeProvider.System), ids[0]);
    }

    private static Annotation NewAnnotation(int reportId) => new()
    {
        ReportId = reportId,
        AnnotationType = AnnotationType.Highlight,
        Engine = EngineKind.Llm,
        Status = AnnotationStatus.Succeeded,
        ContentJson = """{"highlights":[]}""",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    // A field of the content tells whose result the entry holds.
    private static AnalysisOutcome Result(string writer) =>
        new(EngineKind.Llm, JsonDocument.Parse($$"""{"highlights":[],"written_by":"{{writer}}"}""").RootElement, 1, 0.9, JsonDocument.Parse("{}").RootElement, null, null, 0, 0.01);

    private static string? WrittenBy(AnalysisOutcome? result) => result?.Content.GetProperty("written_by").GetString();
}
