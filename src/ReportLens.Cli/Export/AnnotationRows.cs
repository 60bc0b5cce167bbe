using System.Globalization;
using System.Text.Json;
using ReportLens.Core.Interop;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Export;

/// <summary>Maps stored annotations to the JSONL and CSV export shapes.</summary>
public static class AnnotationRows
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "annotation_id", "report_id", "accession_number", "modality", "body_part", "exam_date", "language",
        "annotation_type", "engine", "model_name", "confidence", "grounded_fraction", "created_at", "content", "report_content",
    ];

    public static ExportedAnnotation ToExported(Report report, Annotation annotation)
    {
        using var content = JsonDocument.Parse(annotation.ContentJson ?? "{}");
        return new ExportedAnnotation
        {
            AnnotationId = annotation.Id,
            AnnotationType = annotation.AnnotationType,
            Engine = annotation.Engine,
            ModelName = annotation.ModelName,
            Confidence = annotation.Confidence,
            GroundedFraction = annotation.GroundedFraction,
            CreatedAt = annotation.CreatedAt,
            Content = content.RootElement.Clone(),
            Report = new ExportedReport
            {
                Id = report.Id,
                AccessionNumber = report.AccessionNumber,
                ReportContent = report.ReportContent,
                Modality = report.Modality,
                BodyPart = report.BodyPart,
                ExamDate = report.ExamDate,
                Language = report.Language,
            },
        };
    }

    public static IEnumerable<string?> ToCsv(Report report, Annotation annotation) =>
    [
        annotation.Id.ToString(CultureInfo.InvariantCulture),
        report.Id.ToString(CultureInfo.InvariantCulture),
        report.AccessionNumber,
        report.Modality,
        report.BodyPart,
        report.ExamDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        report.Language,
        annotation.AnnotationType.WireName(),
        annotation.Engine.WireName(),
        annotation.ModelName,
        annotation.Confidence.ToString("0.####", CultureInfo.InvariantCulture),
        annotation.GroundedFraction?.ToString("0.####", CultureInfo.InvariantCulture),
        annotation.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        annotation.ContentJson,
        report.ReportContent,
    ];
}
