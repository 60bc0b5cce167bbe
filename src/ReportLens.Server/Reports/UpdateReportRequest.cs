using System.ComponentModel.DataAnnotations;
using ReportLens.Server.Validation;
using Limits = ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Reports;

/// <summary>Fields left out (null) keep their value.</summary>
public sealed record UpdateReportRequest(
    [NotBlank(ErrorMessage = "report_content must not be empty")] string? ReportContent,
    [MaxLength(Limits.MaxAccessionLength, ErrorMessage = "accession_number must be at most {1} characters")] string? AccessionNumber,
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "modality must be at most {1} characters")] string? Modality,
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "body_part must be at most {1} characters")] string? BodyPart,
    DateOnly? ExamDate,
    [ReportLanguage] string? Language);
