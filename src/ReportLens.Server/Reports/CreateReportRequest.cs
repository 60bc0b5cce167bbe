using System.ComponentModel.DataAnnotations;
using Limits = ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Reports;

public sealed record CreateReportRequest(
    [Required(ErrorMessage = "report_content is required")] string ReportContent,
    [MaxLength(Limits.MaxAccessionLength, ErrorMessage = "accession_number must be at most {1} characters")] string? AccessionNumber,
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "modality must be at most {1} characters")] string? Modality,
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "body_part must be at most {1} characters")] string? BodyPart,
    DateOnly? ExamDate,
    [ReportLanguage] string? Language);
