using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Core.Interop;
using ReportLens.Core.Reports;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reports;

/// <summary>
/// Stores one report, or a correction of a stored one, with its audit record and the caller's
/// <see cref="IStoringStep"/> in one transaction. A correction copies the current text into
/// <see cref="ReportVersion"/> before replacing it, so the history keeps every text the report had.
/// </summary>
public sealed class ReportStore(IDbContextFactory<ReportLensDbContext> databases, TimeProvider time)
{
    public async Task<StoredReport> SaveAsync(ReportSubmission submission, Actor actor, IStoringStep? step, CancellationToken ct)
    {
        var imported = submission.Report;
        if (ReportValidation.Check(imported) is { } problem)
        {
            throw new ArgumentException(problem, nameof(submission));
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var hash = ContentHash.Of(imported.Text);
        var language = LanguageDetector.TryParse(imported.Language, out var given) ? given.ToCode() : LanguageDetector.Detect(imported.Text).ToCode();
        var report = imported.AccessionNumber is { } accession
            ? await db.Reports.SingleOrDefaultAsync(r => r.AccessionNumber == accession, ct)
            : null;
        StoredReport stored;
        if (report is null)
        {
            report = new Report { ReportContent = imported.Text, ContentHash = hash, Language = language, AccessionNumber = imported.AccessionNumber, CreatedAt = now };
            Apply(report, imported, now);
            db.Reports.Add(report);
            await db.SaveChangesAsync(ct);
            AuditEntries.Stage(db, actor, AuditActions.Create, report.Id, submission.AuditDetail, now);
            stored = new StoredReport(StoreOutcome.Created, report.Id, 1);
        }
        else if (report.ContentHash == hash && !report.IsDeleted)
        {
            var versions = await db.ReportVersions.CountAsync(v => v.ReportId == report.Id, ct);
            stored = new StoredReport(StoreOutcome.Unchanged, report.Id, versions + 1);
        }
        else if (!submission.IsCorrection)
        {
            return new StoredReport(StoreOutcome.AccessionTaken, report.Id, 0);
        }
        else
        {
            var version = await db.ReportVersions.CountAsync(v => v.ReportId == report.Id, ct) + 1;
            db.ReportVersions.Add(new ReportVersion
            {
                ReportId = report.Id,
                Version = version,
                ReportContent = report.ReportContent,
                ContentHash = report.ContentHash,
                Modality = report.Modality,
                BodyPart = report.BodyPart,
                ExamDate = report.ExamDate,
                Language = report.Language,
                StoredAt = report.UpdatedAt,
                SupersededAt = now,
                SupersededBy = actor.Username,
            });
            report.ReportContent = imported.Text;
            report.ContentHash = hash;
            report.Language = language;
            report.IsDeleted = false;
            report.DeletedAt = null;
            // Both described the former text; the arrival policy (or a person) analyses the new one.
            report.Urgency = null;
            report.LastAnalysedAt = null;
            Apply(report, imported, now);
            AuditEntries.Stage(db, actor, AuditActions.Update, report.Id, $"{submission.AuditDetail}; version {version + 1} replaces {version}", now);
            await db.SaveChangesAsync(ct);
            stored = new StoredReport(StoreOutcome.Corrected, report.Id, version + 1);
        }

        if (step is not null && !await step.RecordAsync(db, stored, ct))
        {
            await transaction.RollbackAsync(ct);
            return new StoredReport(StoreOutcome.Declined, 0, 0);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return stored;
    }

    private static void Apply(Report report, ImportedReport imported, DateTimeOffset now)
    {
        report.Modality = imported.Modality ?? report.Modality;
        report.BodyPart = imported.BodyPart ?? report.BodyPart;
        report.ExamDate = imported.ExamDate ?? report.ExamDate;
        report.UpdatedAt = now;
    }
}
