using ReportLens.Core.Annotations;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Privacy;

/// <summary>
/// What `export --deidentify` writes in place of each report and its annotations (docs/privacy.md): the text
/// de-identified, the accession number left out (it is a record number), the exam date moved by the report's date
/// shift, and every annotation's spans and quotes moved onto the de-identified text. One instance is one export:
/// the same identifier gets the same surrogate in every report of the file.
/// </summary>
public sealed class ExportDeidentifier(Deidentifier deidentifier)
{
    private (int ReportId, Report Report, DeidResult Deid)? _last;

    public (Report Report, Annotation Annotation) Apply(Report report, Annotation annotation)
    {
        var (deidentified, deid) = Of(report);
        return (deidentified, Move(annotation, deid));
    }

    public (Report Report, List<Annotation> Annotations) Apply(Report report, IEnumerable<Annotation> annotations)
    {
        var (deidentified, deid) = Of(report);
        return (deidentified, [.. annotations.Select(a => Move(a, deid))]);
    }

    // Rows come report by report: the last report's result serves all of its annotations.
    private (Report, DeidResult) Of(Report report)
    {
        if (_last is { } last && last.ReportId == report.Id)
        {
            return (last.Report, last.Deid);
        }

        var deid = deidentifier.Deidentify(report.ReportContent);
        var copy = new Report
        {
            Id = report.Id,
            ReportContent = deid.Text,
            Modality = report.Modality,
            BodyPart = report.BodyPart,
            ExamDate = report.ExamDate?.AddDays(deid.DateShiftDays),
            Language = report.Language,
            ContentHash = "",
            Urgency = report.Urgency,
            LastAnalysedAt = report.LastAnalysedAt,
            CreatedBy = report.CreatedBy,
            CreatedAt = report.CreatedAt,
            UpdatedAt = report.UpdatedAt,
        };
        _last = (report.Id, copy, deid);
        return (copy, deid);
    }

    private static Annotation Move(Annotation annotation, DeidResult deid)
    {
        var moved = annotation.ContentJson is null
            ? null
            : ReportLensJson.SerializeContent(DeidentifiedContent.ToDeidentified(
                ReportLensJson.DeserializeContent(annotation.AnnotationType, annotation.ContentJson), deid));
        // Everything but what holds text of the original: the model's raw reply, the user's prompt and the review
        // record (its edits quote and count on the original).
        return new Annotation
        {
            Id = annotation.Id,
            ReportId = annotation.ReportId,
            JobId = annotation.JobId,
            JobItemId = annotation.JobItemId,
            AnnotationType = annotation.AnnotationType,
            Engine = annotation.Engine,
            Status = annotation.Status,
            ContentJson = moved,
            PromptVersion = annotation.PromptVersion,
            ModelName = annotation.ModelName,
            ModelTemperature = annotation.ModelTemperature,
            Backend = annotation.Backend,
            Confidence = annotation.Confidence,
            ConfidenceJson = annotation.ConfidenceJson,
            GroundedFraction = annotation.GroundedFraction,
            PromptTokens = annotation.PromptTokens,
            OutputTokens = annotation.OutputTokens,
            DurationSeconds = annotation.DurationSeconds,
            Cached = annotation.Cached,
            SchemaRepairs = annotation.SchemaRepairs,
            ErrorReason = annotation.ErrorReason,
            CreatedBy = annotation.CreatedBy,
            CreatedAt = annotation.CreatedAt,
            ReviewStatus = annotation.ReviewStatus,
            ReviewedBy = annotation.ReviewedBy,
            ReviewedAt = annotation.ReviewedAt,
        };
    }
}
