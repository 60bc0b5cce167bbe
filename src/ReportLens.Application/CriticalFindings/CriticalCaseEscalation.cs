using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Escalates cases left open longer than CRITICAL_ESCALATE_AFTER_MINUTES: state escalated, a call to the escalation
/// webhook in the outbox and an audit record, in one transaction per case. An escalated case still waits for a person.
/// </summary>
public sealed class CriticalCaseEscalation(IDbContextFactory<ReportLensDbContext> databases, IOptions<CriticalFindingsOptions> options,
    CriticalCaseSignal signal, TimeProvider time)
{
    private static readonly Actor Escalator = new(null, "system:escalation", "system", Door.Job, null);

    /// <summary>One pass; returns the cases escalated.</summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct)
    {
        if (options.Value.EscalateAfter is not { } after)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var due = now - after;
        await using var db = await databases.CreateDbContextAsync(ct);
        var ids = await db.CriticalCases.Where(c => c.State == CriticalCaseState.Open && c.OpenedAt <= due)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(100).ToListAsync(ct);
        var escalated = 0;
        foreach (var id in ids)
        {
            escalated += await EscalateAsync(db, id, now, ct) ? 1 : 0;
        }

        if (escalated > 0)
        {
            signal.Raise();
        }

        return escalated;
    }

    private async Task<bool> EscalateAsync(ReportLensDbContext db, long id, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Only a case still open: one acknowledged a moment ago, or escalated by another process, stays as it is.
        var changed = await db.CriticalCases.Where(c => c.Id == id && c.State == CriticalCaseState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CriticalCaseState.Escalated).SetProperty(c => c.EscalatedAt, now), ct);
        if (changed == 0)
        {
            return false;
        }

        var criticalCase = await db.CriticalCases.AsNoTracking().SingleAsync(c => c.Id == id, ct);
        var accession = await db.Reports.Where(r => r.Id == criticalCase.ReportId).Select(r => r.AccessionNumber).SingleOrDefaultAsync(ct);
        var receivers = options.Value.EscalationReceiver is { } receiver ? [receiver] : Array.Empty<Uri>();
        WebhookOutbox.Stage(db, criticalCase, accession, WebhookEvents.Escalated, receivers, now);
        AuditEntries.Stage(db, Escalator, AuditActions.CriticalEscalate, criticalCase.ReportId, $"case {id}: {criticalCase.Term}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
