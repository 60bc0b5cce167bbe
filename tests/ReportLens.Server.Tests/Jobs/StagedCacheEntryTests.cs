using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;
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
    private static CachedResult Result(string writer) =>
        new(EngineKind.Llm, JsonDocument.Parse($$"""{"highlights":[],"written_by":"{{writer}}"}""").RootElement, 1, 0.9, JsonDocument.Parse("{}").RootElement, null, null, 0, 0.01);

    private static string? WrittenBy(CachedResult? result) => result?.Content.GetProperty("written_by").GetString();
}
