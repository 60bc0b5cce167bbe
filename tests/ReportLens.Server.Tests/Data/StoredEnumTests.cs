using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Data;

// Table and column names below are this file's constants; the values go in as parameters.
#pragma warning disable EF1003

/// <summary>
/// Engine, annotation type and states became enums; their columns keep the strings they held, so databases written
/// before read back unchanged and rows written now read the same to older tools and to SQL.
/// </summary>
public sealed class StoredEnumTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EnumColumns_ReadTheOldStringsAndWriteThemAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var factory = await database.MigratedFactoryAsync();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var report = new Report { ReportContent = "x", Language = "en", ContentHash = "h", CreatedAt = now, UpdatedAt = now };
        var job = new Job { AnnotationType = AnnotationType.Extraction, Engine = EngineKind.Hybrid, Status = JobStatus.CompletedWithErrors, CreatedAt = now, UpdatedAt = now };
        db.AddRange(report, job);
        await db.SaveChangesAsync();
        db.Add(new JobItem { JobId = job.Id, ReportId = report.Id, State = JobItemState.Cancelled });
        db.Add(new Annotation
        {
            ReportId = report.Id,
            AnnotationType = AnnotationType.Scoring,
            Engine = EngineKind.Rules,
            Status = AnnotationStatus.Failed,
            ReviewStatus = ReviewStatus.Edited,
            CreatedAt = now,
        });
        db.Add(new CacheEntry { Key = "k", AnnotationType = AnnotationType.Classification, ModelName = "m", ResultJson = "{}", CreatedAt = now, LastHitAt = now });
        await db.SaveChangesAsync();

        Assert.Equal(["extraction", "hybrid", "completed_with_errors"], [await RawAsync(db, "jobs", "AnnotationType"), await RawAsync(db, "jobs", "Engine"), await RawAsync(db, "jobs", "Status")]);
        Assert.Equal("cancelled", await RawAsync(db, "job_items", "State"));
        Assert.Equal(["scoring", "rules", "failed", "edited"],
            [await RawAsync(db, "ai_annotations", "AnnotationType"), await RawAsync(db, "ai_annotations", "Engine"), await RawAsync(db, "ai_annotations", "Status"), await RawAsync(db, "ai_annotations", "ReviewStatus")]);
        Assert.Equal("classification", await RawAsync(db, "result_cache", "AnnotationType"));

        (string, AnnotationType)[] types = [("highlight", AnnotationType.Highlight), ("classification", AnnotationType.Classification), ("extraction", AnnotationType.Extraction), ("scoring", AnnotationType.Scoring)];
        (string, EngineKind)[] engines = [("llm", EngineKind.Llm), ("rules", EngineKind.Rules), ("hybrid", EngineKind.Hybrid)];
        await RoundTripAsync(db, "ai_annotations", "AnnotationType", (Annotation a) => a.AnnotationType, types);
        await RoundTripAsync(db, "jobs", "AnnotationType", (Job j) => j.AnnotationType, types);
        await RoundTripAsync(db, "result_cache", "AnnotationType", (CacheEntry c) => c.AnnotationType, types);
        await RoundTripAsync(db, "ai_annotations", "Engine", (Annotation a) => a.Engine, engines);
        await RoundTripAsync(db, "jobs", "Engine", (Job j) => j.Engine, engines);
        await RoundTripAsync(db, "ai_annotations", "Status", (Annotation a) => a.Status, ("succeeded", AnnotationStatus.Succeeded), ("failed", AnnotationStatus.Failed));
        await RoundTripAsync(db, "ai_annotations", "ReviewStatus", (Annotation a) => a.ReviewStatus,
            ("accepted", ReviewStatus.Accepted), ("rejected", ReviewStatus.Rejected), ("edited", ReviewStatus.Edited));
        await RoundTripAsync(db, "jobs", "Status", (Job j) => j.Status,
            ("queued", JobStatus.Queued), ("running", JobStatus.Running), ("paused", JobStatus.Paused), ("cancelled", JobStatus.Cancelled),
            ("completed", JobStatus.Completed), ("completed_with_errors", JobStatus.CompletedWithErrors));
        await RoundTripAsync(db, "job_items", "State", (JobItem i) => i.State,
            ("pending", JobItemState.Pending), ("running", JobItemState.Running), ("succeeded", JobItemState.Succeeded), ("failed", JobItemState.Failed), ("cancelled", JobItemState.Cancelled));

        await db.Database.ExecuteSqlRawAsync("""UPDATE ai_annotations SET "ReviewStatus" = NULL""");
        Assert.Null(await db.Annotations.AsNoTracking().Select(a => a.ReviewStatus).SingleAsync());
    }

    /// <summary>Each stored string (written by SQL, as an older version wrote it) reads, filters and writes back as its value.</summary>
    private static async Task RoundTripAsync<TEntity, TValue>(
        ReportLensDbContext db, string table, string column, Expression<Func<TEntity, TValue>> property, params (string Stored, TValue Value)[] cases)
        where TEntity : class
    {
        foreach (var (stored, value) in cases)
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE " + table + " SET \"" + column + "\" = {0}", stored);
            Assert.Equal(value, await db.Set<TEntity>().AsNoTracking().Select(property).SingleAsync());
            var equal = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(property.Body, Expression.Constant(value, typeof(TValue))), property.Parameters);
            Assert.Equal(1, await db.Set<TEntity>().CountAsync(equal));

            await db.Database.ExecuteSqlRawAsync("UPDATE " + table + " SET \"" + column + "\" = 'none'");
            await db.Set<TEntity>().ExecuteUpdateAsync(s => s.SetProperty(property, value));
            Assert.Equal(stored, await RawAsync(db, table, column));
        }
    }

    private static Task<string> RawAsync(ReportLensDbContext db, string table, string column) =>
        db.Database.SqlQueryRaw<string>("SELECT \"" + column + "\" AS \"Value\" FROM " + table).SingleAsync();
}
