using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Security;

/// <summary>
/// Counts batch items against each user's hourly budget. The budget is read from the jobs table (items created by
/// the user in the last hour), so it holds across restarts and server processes; one lock per user in this process
/// keeps two concurrent requests from both passing the check.
/// </summary>
public sealed class BatchQuota(IServiceScopeFactory scopes, IOptions<BatchQuotaOptions> options, IOptions<JobOptions> jobs, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    /// <summary>The most reports one job of this user's role may take.</summary>
    public int MaxItemsPerJob(ClaimsPrincipal user) => Math.Min(jobs.Value.MaxItemsPerJob,
        user.Role() == Roles.Admin ? options.Value.MaxItemsPerJobAdmin : options.Value.MaxItemsPerJobRadiologist);

    /// <summary>Runs <paramref name="create"/> only if <paramref name="items"/> more fit the user's job size and hourly budget.</summary>
    public async Task<(T? Created, BatchQuotaRejection? Rejection)> RunWithinAsync<T>(
        ClaimsPrincipal user, int items, Func<Task<T>> create, CancellationToken ct)
    {
        var max = MaxItemsPerJob(user);
        if (items > max)
        {
            return (default, new BatchQuotaRejection($"a job of a {user.Role()} may take at most {max} reports (got {items})", null));
        }

        if (options.Value.ItemsPerHour <= 0 || user.UserId() is not { } userId)
        {
            return (await create(), null);
        }

        var gate = _locks.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (await RetryAfterAsync(userId, items, ct) is { } wait)
            {
                return (default, new BatchQuotaRejection(
                    $"the batch budget of {options.Value.ItemsPerHour} report analyses per hour for your account (BATCH_ITEMS_PER_HOUR) would be exceeded by {items} more",
                    wait));
            }

            return (await create(), null);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Null when the items fit now; otherwise how long until enough of the last hour's items have aged out.</summary>
    private async Task<TimeSpan?> RetryAfterAsync(int userId, int items, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var recent = await db.Jobs.AsNoTracking().Where(j => j.CreatedBy == userId && j.CreatedAt > since)
            .Select(j => new { j.CreatedAt, j.Total }).ToListAsync(ct);
        var excess = recent.Sum(j => (long)j.Total) + items - options.Value.ItemsPerHour;
        if (excess <= 0)
        {
            return null;
        }

        foreach (var job in recent.OrderBy(j => j.CreatedAt))
        {
            excess -= job.Total;
            if (excess <= 0)
            {
                var wait = job.CreatedAt + Window - now;
                return wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1);
            }
        }

        return Window;
    }
}
