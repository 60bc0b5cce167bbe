using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Caching;

/// <summary>
/// The persistent result cache, shared by every server process through the database. The key hashes the report
/// text with everything that decides the result; a result with temperature &gt; 0 is cached too, by design
/// (documented; clients send cache: "bypass" for a fresh sample).
/// </summary>
public sealed class ResultCache(IDbContextFactory<ReportLensDbContext> factory, TimeProvider time)
{
    // Hits are counted here and written in batches (CacheHitFlusher): a hit then costs one read, not a write.
    private ConcurrentDictionary<string, long> _pendingHits = new(StringComparer.Ordinal);

    // Stats wait for a flush in progress, whose hits are then in neither the table nor the pending counts.
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    public static string Key(string reportText, string annotationType, string fingerprint)
    {
        var material = $"{annotationType}\n{fingerprint}\n{reportText}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>The stored outcome, marked <see cref="AnalysisOutcome.Cached"/>; null on a miss.</summary>
    public async Task<AnalysisOutcome?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await GetAsync(key, db, ct);
    }

    /// <summary>Looks the key up on the caller's unit of work (its connection), not a context of its own.</summary>
    public async Task<AnalysisOutcome?> GetAsync(string key, ReportLensDbContext db, CancellationToken ct)
    {
        var json = await db.CacheEntries.AsNoTracking().Where(c => c.Key == key).Select(c => c.ResultJson).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return null;
        }

        _pendingHits.AddOrUpdate(key, 1, (_, n) => n + 1);
        return JsonSerializer.Deserialize<AnalysisOutcome>(json, ReportLensJson.Options) is { } outcome ? outcome with { Cached = true } : null;
    }

    /// <summary>Writes the hits counted since the last flush (hit counters and last-hit times), one statement per count.</summary>
    public async Task FlushHitsAsync(CancellationToken ct)
    {
        if (_pendingHits.IsEmpty)
        {
            return;
        }

        await _flushGate.WaitAsync(ct);
        try
        {
            var pending = Interlocked.Exchange(ref _pendingHits, new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            foreach (var group in pending.GroupBy(p => p.Value, p => p.Key))
            {
                var (hits, keys) = (group.Key, group.ToList());
                await db.CacheEntries.Where(c => keys.Contains(c.Key))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Hits, c => c.Hits + hits).SetProperty(c => c.LastHitAt, now), ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    public async Task PutAsync(string key, AnnotationType annotationType, string model, AnalysisOutcome result, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await StageAsync(db, key, annotationType, model, result, justMissed: false, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process stored the same key first: its result is as good as ours.
        }
    }

    /// <summary>
    /// Adds or refreshes the entry in the caller's unit of work, so that it commits in the same transaction as the
    /// caller's changes (commit with <see cref="SaveChangesAsync"/>). <paramref name="justMissed"/>: the caller looked
    /// the key up a moment ago and found nothing, so no second lookup is made (a racing writer is handled at commit).
    /// </summary>
    public async Task StageAsync(ReportLensDbContext db, string key, AnnotationType annotationType, string model, AnalysisOutcome result, bool justMissed, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(result, ReportLensJson.Options);
        var now = time.GetUtcNow();
        var existing = justMissed ? null : await db.CacheEntries.SingleOrDefaultAsync(c => c.Key == key, ct);
        if (existing is not null)
        {
            existing.ResultJson = json;
            existing.CreatedAt = now;
            return;
        }

        db.CacheEntries.Add(new CacheEntry
        {
            Key = key,
            AnnotationType = annotationType,
            ModelName = model,
            ResultJson = json,
            CreatedAt = now,
            LastHitAt = now,
        });
    }

    /// <summary>
    /// Commits a unit of work that holds a staged cache entry. When a new entry's key was stored meanwhile by
    /// another request or process, the rest commits without it: that stored result is as good as ours. Inside a
    /// transaction EF Core rolls the failed save back to a savepoint, so the second save works on PostgreSQL too.
    /// </summary>
    public static async Task SaveChangesAsync(ReportLensDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            var staged = db.ChangeTracker.Entries<CacheEntry>().Where(e => e.State == EntityState.Added).ToList();
            if (staged.Count == 0)
            {
                throw;
            }

            staged.ForEach(e => e.State = EntityState.Detached);
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<CacheStats> StatsAsync(CancellationToken ct)
    {
        await _flushGate.WaitAsync(ct);
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var entries = await db.CacheEntries.CountAsync(ct);
            var hits = entries == 0 ? 0 : await db.CacheEntries.SumAsync(c => c.Hits, ct);
            return new CacheStats(entries, hits + _pendingHits.Values.Sum());
        }
        finally
        {
            _flushGate.Release();
        }
    }
}
