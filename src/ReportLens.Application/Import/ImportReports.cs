using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Core.Interop;
using ReportLens.Core.Reports;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Import;

/// <summary>
/// The one "import reports" every door calls (the web UI's import, `reportlens import`), with one duplicate policy:
/// a report is identified by its accession number (by its content hash when it has none); one already stored with
/// the same fields is left alone (<c>unchanged</c>), one with changed fields is updated (and restored if deleted),
/// an annotation already stored (same type, engine, model and content) is not added again. Rows are checked first
/// with <see cref="Check"/>. Everything, audit records included (<c>create</c> per new report, <c>update</c> per
/// changed one), commits in one transaction.
/// </summary>
public sealed class ImportReports(IDbContextFactory<ReportLensDbContext> databases, TimeProvider time)
{
    /// <summary>Rows repeating an accession number: merged when the text is the same, the later one bad otherwise.</summary>
    public static List<ImportRow> Check(IReadOnlyList<ImportRow> rows) => DuplicateCheck.Merge(rows);

    public async Task<ImportOutcome> RunAsync(IReadOnlyList<ImportedReport> reports, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int created = 0, updated = 0, unchanged = 0, annotations = 0;
        var now = time.GetUtcNow();
        foreach (var chunk in reports.Chunk(500))
        {
            var rows = chunk.Select(r => (Imported: r, Hash: ContentHash.Of(r.Text))).ToArray();
            var existing = await LoadExistingAsync(db, rows, cancellationToken);
            var createdHere = new List<Report>();
            var updatedHere = new List<Report>();
            foreach (var (imported, hash) in rows)
            {
                var language = ResolveLanguage(imported);
                var key = imported.AccessionNumber ?? hash;
                if (!existing.TryGetValue(key, out var report))
                {
                    report = new Report
                    {
                        AccessionNumber = imported.AccessionNumber,
                        ReportContent = imported.Text,
                        ContentHash = hash,
                        Language = language,
                        CreatedBy = actor.UserId,
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    Apply(report, imported, language, hash, now);
                    db.Reports.Add(report);
                    existing[key] = report;
                    createdHere.Add(report);
                    created++;
                }
                else if (Apply(report, imported, language, hash, now))
                {
                    // A row may repeat a report created earlier in this import: that report stays "created".
                    if (createdHere.Contains(report) || updatedHere.Contains(report))
                    {
                        unchanged++;
                    }
                    else
                    {
                        updatedHere.Add(report);
                        updated++;
                    }
                }
                else
                {
                    unchanged++;
                }

                annotations += AddAnnotations(report, imported.Annotations);
            }

            await db.SaveChangesAsync(cancellationToken);
            AuditEntries.StageMany(db, actor, AuditActions.Create, createdHere.Select(r => r.Id), "import", now);
            AuditEntries.StageMany(db, actor, AuditActions.Update, updatedHere.Select(r => r.Id), "import", now);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(created, updated, unchanged, annotations);
    }

    private static async Task<Dictionary<string, Report>> LoadExistingAsync(ReportLensDbContext db, (ImportedReport Imported, string Hash)[] rows, CancellationToken cancellationToken)
    {
        var accessions = rows.Where(r => r.Imported.AccessionNumber is not null).Select(r => r.Imported.AccessionNumber!).ToList();
        var hashes = rows.Where(r => r.Imported.AccessionNumber is null).Select(r => r.Hash).ToList();
        var reports = db.Reports.AsQueryable();
        if (rows.Any(r => r.Imported.Annotations.Count > 0))
        {
            // Only needed to skip annotations that are already stored.
            reports = reports.Include(r => r.Annotations);
        }

        var found = await reports
            .Where(r => (r.AccessionNumber != null && accessions.Contains(r.AccessionNumber))
                || (r.AccessionNumber == null && hashes.Contains(r.ContentHash)))
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, Report>(StringComparer.Ordinal);
        foreach (var report in found)
        {
            result.TryAdd(report.AccessionNumber ?? report.ContentHash, report);
        }

        return result;
    }

    /// <summary>Copies the imported fields onto the stored report; true when anything changed.</summary>
    private static bool Apply(Report report, ImportedReport imported, string language, string hash, DateTimeOffset now)
    {
        var changed = report.ReportContent != imported.Text
            || report.Modality != imported.Modality
            || report.BodyPart != imported.BodyPart
            || report.ExamDate != imported.ExamDate
            || report.Language != language
            || report.IsDeleted;
        report.ReportContent = imported.Text;
        report.ContentHash = hash;
        report.Modality = imported.Modality;
        report.BodyPart = imported.BodyPart;
        report.ExamDate = imported.ExamDate;
        report.Language = language;
        report.IsDeleted = false;
        report.DeletedAt = null;
        if (changed)
        {
            report.UpdatedAt = now;
        }

        return changed;
    }

    private static string ResolveLanguage(ImportedReport report) =>
        LanguageDetector.TryParse(report.Language, out var language)
            ? language.ToCode()
            : LanguageDetector.Detect(report.Text).ToCode();

    private static int AddAnnotations(Report report, IReadOnlyList<ImportedAnnotation> imported)
    {
        var added = 0;
        foreach (var annotation in imported)
        {
            var known = report.Annotations.Any(a => a.AnnotationType == annotation.AnnotationType
                && a.Engine == annotation.Engine
                && a.ModelName == annotation.ModelName
                && a.ContentJson == annotation.ContentJson);
            if (known)
            {
                continue;
            }

            report.Annotations.Add(new Annotation
            {
                AnnotationType = annotation.AnnotationType,
                Engine = annotation.Engine,
                Status = AnnotationStatus.Succeeded,
                ContentJson = annotation.ContentJson,
                ModelName = annotation.ModelName,
                Confidence = annotation.Confidence,
                GroundedFraction = annotation.GroundedFraction,
                CreatedAt = annotation.CreatedAt,
            });
            added++;
        }

        return added;
    }
}
