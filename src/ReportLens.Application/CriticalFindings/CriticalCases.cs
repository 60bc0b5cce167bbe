using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Reviews;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.CriticalFindings;

/// <summary>
/// The critical-finding cases for every door: list them, acknowledge one (a person has seen it and acts) or dismiss
/// it as a false alarm. Each close names who, when and why, is audited, and happens once.
/// </summary>
public sealed class CriticalCases(IDbContextFactory<ReportLensDbContext> databases, CriticalCaseSignal signal, TimeProvider time,
    IEnumerable<ICriticalCaseObserver> observers, ReviewStatsCache reviewStats)
{
    public const int MaxNoteLength = 2000;

    /// <summary>The cases waiting for a person (open or escalated).</summary>
    public static IReadOnlyList<string> Waiting { get; } = [CriticalCaseState.Open, CriticalCaseState.Escalated];

    /// <summary>Newest first; <paramref name="states"/> null lists every case.</summary>
    public async Task<CriticalCasePage> ListAsync(IReadOnlyCollection<string>? states, int page, int pageSize, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var cases = Live(db);
        if (states is not null)
        {
            cases = cases.Where(c => states.Contains(c.State));
        }

        var total = await cases.CountAsync(ct);
        var items = await Views(db, cases.OrderByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new CriticalCasePage(items, total, page, pageSize);
    }

    public async Task<CriticalCaseView?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        return await Views(db, Live(db).Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Checks the text that comes with a close: a dismissal needs a reason, a note is optional; both at most
    /// <see cref="MaxNoteLength"/> characters. Returns the error, or null and the trimmed text (null when blank).
    /// </summary>
    public static string? Check(string state, string? text, out string? note)
    {
        note = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var field = state == CriticalCaseState.Dismissed ? "reason" : "note";
        return state == CriticalCaseState.Dismissed && note is null ? "a reason is required to dismiss a case"
            : note is { Length: > MaxNoteLength } ? $"{field} must be at most {MaxNoteLength} characters"
            : null;
    }

    /// <param name="state"><see cref="CriticalCaseState.Acknowledged"/> or <see cref="CriticalCaseState.Dismissed"/>.</param>
    public async Task<CloseResult> CloseAsync(long id, string state, string? note, Actor actor, CancellationToken ct)
    {
        if (!CriticalCaseState.IsClosed(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "a case closes as acknowledged or dismissed");
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional on the case still waiting: of two people closing it at once, one wins and the other gets a 409.
        var changed = await db.CriticalCases
            .Where(c => c.Id == id && (c.State == CriticalCaseState.Open || c.State == CriticalCaseState.Escalated))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, state)
                .SetProperty(c => c.ClosedBy, actor.UserId)
                .SetProperty(c => c.ClosedByName, actor.Username)
                .SetProperty(c => c.ClosedAt, now)
                .SetProperty(c => c.Note, note), ct);
        var view = await Views(db, Live(db).Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        if (changed == 0)
        {
            return new CloseResult(view is null ? CloseOutcome.NotFound : CloseOutcome.AlreadyClosed, view);
        }

        var action = state == CriticalCaseState.Acknowledged ? AuditActions.CriticalAcknowledge : AuditActions.CriticalDismiss;
        AuditEntries.Stage(db, actor, action, view!.ReportId, $"case {id}: {view.Finding.Term}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var observer in observers)
        {
            observer.Closed(state, now - view.OpenedAt);
        }

        // The review statistics count acknowledged and dismissed cases (false alarms) per engine and model.
        reviewStats.Invalidate();

        signal.Raise();
        return new CloseResult(CloseOutcome.Closed, view);
    }

    /// <summary>The cases of reports not deleted.</summary>
    private static IQueryable<CriticalCase> Live(ReportLensDbContext db) =>
        db.CriticalCases.AsNoTracking().Where(c => db.Reports.Any(r => r.Id == c.ReportId && !r.IsDeleted));

    private static IQueryable<CriticalCaseView> Views(ReportLensDbContext db, IQueryable<CriticalCase> cases) =>
        from c in cases
        join r in db.Reports on c.ReportId equals r.Id
        select new CriticalCaseView(c.Id, c.ReportId, r.AccessionNumber, c.AnnotationId, new CriticalFindingTerm(c.Term, c.Category),
            new EvidenceSpan(c.EvidenceStart, c.EvidenceEnd), c.State, c.OpenedAt, c.EscalatedAt, c.ClosedBy, c.ClosedByName, c.ClosedAt, c.Note);
}
