using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Jobs.Queue;

/// <summary>
/// Claims, renews and releases job items. Every change of an item's state is one conditional statement or one
/// transaction, so a crash at any point leaves either the old state (the lease expires, another worker retries)
/// or the new one — and the annotation's unique job-item index makes a finished item impossible to finish twice.
/// An item that ran is finished in the analysis's own transaction (<see cref="Workers.JobItemStep"/>).
/// </summary>
public sealed class JobItemQueue(IDbContextFactory<ReportLensDbContext> factory, TimeProvider time)
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private const int StartedJobsKept = 1024;

    // Jobs this process has seen started. A started job never becomes queued again (resume makes it running), so
    // the queued → running update runs once per job here, not once per claim (a write statement per item).
    private readonly ConcurrentDictionary<long, byte> _started = new();

    public async Task<IReadOnlyList<ClaimedItem>> ClaimAsync(string owner, int limit, TimeSpan lease, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var sqlite = db.Database.IsSqlite();
        var now = time.GetUtcNow();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sqlite ? ClaimSql.Sqlite : ClaimSql.Postgres;
        Add(command, "owner", owner);
        Add(command, "now", Time(sqlite, now));
        Add(command, "expires", Time(sqlite, now + lease));
        Add(command, "limit", limit);
        var claimed = new List<ClaimedItem>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(new ClaimedItem(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), owner));
            }
        }

        var jobIds = claimed.Select(c => c.JobId).Distinct().Where(id => !_started.ContainsKey(id)).ToList();
        if (jobIds.Count > 0)
        {
            await db.Jobs.Where(j => jobIds.Contains(j.Id) && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAt, now).SetProperty(j => j.UpdatedAt, now), ct);
            if (_started.Count >= StartedJobsKept)
            {
                _started.Clear();
            }

            jobIds.ForEach(id => _started[id] = 0);
        }

        return claimed;
    }

    /// <summary>Extends the leases of the items this worker still runs.</summary>
    public async Task<int> RenewAsync(string owner, IReadOnlyCollection<long> itemIds, TimeSpan lease, CancellationToken ct)
    {
        if (itemIds.Count == 0)
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var expires = time.GetUtcNow() + lease;
        return await db.JobItems.Where(i => itemIds.Contains(i.Id) && i.LeaseOwner == owner && i.State == JobItemState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, expires), ct);
    }

    /// <summary>Marks the item failed for good (no annotation: report deleted, model missing, gave up).</summary>
    public async Task<bool> FailAsync(ClaimedItem item, string error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await FinishAsync(db, item, JobItemState.Failed, annotation: null, error, ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Whether the item's one annotation was stored by another worker (one whose lease outlived it).</summary>
    public async Task<bool> IsAnnotatedAsync(long itemId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Annotations.AnyAsync(a => a.JobItemId == itemId, ct);
    }

    /// <summary>Gives the item back to the queue, due at <paramref name="nextAttemptAt"/> (null: at once).</summary>
    public async Task<bool> ReleaseAsync(ClaimedItem item, string owner, int attempts, DateTimeOffset? nextAttemptAt, string? error, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // One transaction: a crash between the statements must not leave the job's cancelled count short.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.JobItems.Where(i => i.Id == item.Id && i.State == JobItemState.Running && i.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, JobItemState.Pending)
                .SetProperty(i => i.Attempts, attempts)
                .SetProperty(i => i.NextAttemptAt, nextAttemptAt)
                .SetProperty(i => i.LastError, i => error ?? i.LastError)
                .SetProperty(i => i.LeaseOwner, (string?)null)
                .SetProperty(i => i.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        if (changed == 1)
        {
            // Cancelled while it ran: it must not wait in the queue of a job that will never take it again.
            var cancelled = await db.JobItems
                .Where(i => i.Id == item.Id && i.State == JobItemState.Pending && db.Jobs.Any(j => j.Id == i.JobId && j.Status == JobStatus.Cancelled))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, JobItemState.Cancelled).SetProperty(i => i.FinishedAt, time.GetUtcNow()), ct);
            if (cancelled == 1)
            {
                await db.Jobs.Where(j => j.Id == item.JobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Cancelled, j => j.Cancelled + 1), ct);
            }
        }

        await transaction.CommitAsync(ct);
        return changed == 1;
    }

    /// <summary>
    /// Ends the item in the caller's transaction (which already holds its annotation, when there is one): the item's
    /// state, the job's counters, and the job itself when this was its last item. False when this worker no longer
    /// holds the item (finished elsewhere, cancelled): the caller rolls back.
    /// </summary>
    public async Task<bool> FinishAsync(ReportLensDbContext db, ClaimedItem item, JobItemState state, Annotation? annotation, string? error, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var now = Time(sqlite, time.GetUtcNow());
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using (var finish = connection.CreateCommand())
        {
            finish.Transaction = transaction;
            finish.CommandText = FinishSql.Item;
            Add(finish, "state", state.WireName());
            Add(finish, "annotation", annotation?.Id);
            Add(finish, "error", error);
            Add(finish, "now", now);
            Add(finish, "item", item.Id);
            Add(finish, "owner", item.Owner);
            if (await finish.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }

        var succeeded = state == JobItemState.Succeeded ? 1 : 0;
        var fresh = annotation is { Cached: false };
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = FinishSql.Job;
        Add(count, "succeeded", succeeded);
        Add(count, "failed", 1 - succeeded);
        Add(count, "prompt", fresh ? annotation!.PromptTokens ?? 0 : 0L);
        Add(count, "output", fresh ? annotation!.OutputTokens ?? 0 : 0L);
        Add(count, "thinking", fresh ? annotation!.ThinkingTokens ?? 0 : 0L);
        Add(count, "now", now);
        Add(count, "job", item.JobId);
        await count.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>A time as the provider stores it: SQLite holds DateTimeOffset as EF Core's binary form.</summary>
    private static object Time(bool sqlite, DateTimeOffset value) => sqlite ? SqliteTime.ConvertToProvider(value)! : value;

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
