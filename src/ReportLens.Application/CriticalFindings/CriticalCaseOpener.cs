using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// Opens a case for each critical finding a report asserts (<see cref="CriticalFindings"/>) when an analysis of it
/// is recorded, with its webhook calls and audit record, inside the recording transaction. A finding that already
/// has a case for the report (a re-analysis) opens nothing.
/// </summary>
public sealed class CriticalCaseOpener(IOptions<CriticalFindingsOptions> options, CriticalCaseSignal signal)
{
    private const string Savepoint = "critical_cases";

    /// <summary>Call after the annotation has been saved (it needs its id), in the open transaction; returns the cases opened.</summary>
    public async Task<int> OpenAsync(ReportLensDbContext db, Report report, Annotation annotation, ReportLanguage language, Actor actor, CancellationToken ct)
    {
        var found = Core.Rules.CriticalFindings.Find(report.ReportContent, language, ct);
        if (found.Count == 0)
        {
            return 0;
        }

        var known = await db.CriticalCases.Where(c => c.ReportId == report.Id).Select(c => c.Term).ToListAsync(ct);
        var cases = found.Where(f => !known.Contains(f.Term)).Select(f => NewCase(report.Id, annotation, f)).ToList();
        if (cases.Count == 0)
        {
            return 0;
        }

        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("cases open inside the recording transaction");
        await transaction.CreateSavepointAsync(Savepoint, ct);
        db.CriticalCases.AddRange(cases);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            // A concurrent analysis of the same report opened them first: its cases stand, this analysis records as usual.
            await transaction.RollbackToSavepointAsync(Savepoint, ct);
            foreach (var c in cases)
            {
                db.Entry(c).State = EntityState.Detached;
            }

            return 0;
        }

        foreach (var c in cases)
        {
            WebhookOutbox.Stage(db, c, report.AccessionNumber, WebhookEvents.Opened, options.Value.Receivers, annotation.CreatedAt);
            AuditEntries.Stage(db, actor, AuditActions.CriticalOpen, report.Id, $"case {c.Id}: {c.Term}", annotation.CreatedAt);
        }

        await db.SaveChangesAsync(ct);
        return cases.Count;
    }

    /// <summary>After the transaction committed: the sender and the open pages learn of the new cases.</summary>
    public void Announce() => signal.Raise();

    /// <summary>After a transaction that staged outbox deliveries but opened no case: the sender runs at once.</summary>
    public void WakeSender() => signal.Wake();

    private static CriticalCase NewCase(int reportId, Annotation annotation, CriticalFinding finding) => new()
    {
        ReportId = reportId,
        AnnotationId = annotation.Id,
        Term = finding.Term,
        Category = finding.Category,
        EvidenceStart = finding.Start,
        EvidenceEnd = finding.End,
        State = CriticalCaseState.Open,
        OpenedAt = annotation.CreatedAt,
    };
}
