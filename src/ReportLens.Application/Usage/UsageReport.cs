using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Usage;

/// <summary>
/// Tokens and backend time of the stored analyses over a period, per model, backend, user or job: read from the
/// annotations <see cref="AnalysisService.ToAnnotation"/> records, the one place the usage is written.
/// </summary>
public sealed class UsageReport(IDbContextFactory<ReportLensDbContext> databases)
{
    /// <summary>The name a group of analyses without a recorded user or backend gets.</summary>
    public const string None = "(none)";

    public async Task<UsageSummary> ReadAsync(DateTimeOffset from, DateTimeOffset to, UsageGroupBy groupBy, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var fresh = db.Annotations.AsNoTracking().Where(a => a.CreatedAt >= from && a.CreatedAt < to
            && a.Status == AnnotationStatus.Succeeded && !a.Cached && a.ModelName != AnalysisService.RulesModelName);
        List<UsageSums<string>> groups = groupBy switch
        {
            UsageGroupBy.Model => [.. (await fresh.GroupBy(a => a.ModelName).Select(Sums<string>()).ToListAsync(ct)).Select(s => s.Named(s.Key))],
            UsageGroupBy.Backend => [.. (await fresh.GroupBy(a => a.Backend).Select(Sums<string?>()).ToListAsync(ct)).Select(s => s.Named(s.Key ?? None))],
            // a job's analyses, named "job N"; interactive ones are not a job's
            UsageGroupBy.Job => [.. (await fresh.Where(a => a.JobId != null).GroupBy(a => a.JobId).Select(Sums<long?>()).ToListAsync(ct))
                .Select(s => s.Named($"job {s.Key}"))],
            _ => await PerUserAsync(db, fresh, ct),
        };
        var total = groups.Aggregate(new UsageSums<string>("", 0, 0, 0, 0, 0, 0, 0, 0, 0), (sum, g) => sum.Add(g));
        return new UsageSummary(from, to, groupBy,
            [.. groups.OrderByDescending(g => g.PromptTokens + g.OutputTokens).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToRow(g.Key))],
            total.ToRow("total"));
    }

    private static async Task<List<UsageSums<string>>> PerUserAsync(ReportLensDbContext db, IQueryable<Annotation> fresh, CancellationToken ct)
    {
        var sums = await fresh.GroupBy(a => a.CreatedBy).Select(Sums<int?>()).ToListAsync(ct);
        var ids = sums.Where(s => s.Key is not null).Select(s => s.Key!.Value).ToArray();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Username, ct);
        return [.. sums.Select(s => s.Named(s.Key is { } id ? names.GetValueOrDefault(id, $"#{id}") : None))];
    }

    /// <summary>One SQL aggregate per group, the same on SQLite and PostgreSQL.</summary>
    private static Expression<Func<IGrouping<TKey, Annotation>, UsageSums<TKey>>> Sums<TKey>() => g => new UsageSums<TKey>(
        g.Key,
        g.Count(),
        g.Sum(a => (long)(a.PromptTokens ?? 0)),
        g.Sum(a => (long)(a.OutputTokens ?? 0)),
        g.Sum(a => (long)(a.ThinkingTokens ?? 0)),
        g.Sum(a => a.TotalDurationNs != null ? a.TotalDurationNs.Value / 1e9 : a.DurationSeconds),
        g.Sum(a => a.PromptEvalDurationNs != null ? (long)(a.PromptTokens ?? 0) : 0L),
        g.Sum(a => a.PromptEvalDurationNs ?? 0L),
        g.Sum(a => a.EvalDurationNs != null ? (long)(a.OutputTokens ?? 0) : 0L),
        g.Sum(a => a.EvalDurationNs ?? 0L));
}
