using System.ComponentModel.DataAnnotations;
using Limits = ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Jobs;

/// <summary>
/// {modality, body_part, date_from, date_to (exam dates, yyyy-MM-dd), not_analysed_with_type}; a code longer than a
/// stored report's could select nothing. That date_from is not after date_to, and that the filter selects reports, the
/// endpoint checks once the fields are valid.
/// </summary>
public sealed record JobFilterRequest(
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "modality must be at most {1} characters")] string? Modality,
    [MaxLength(Limits.MaxCodeLength, ErrorMessage = "body_part must be at most {1} characters")] string? BodyPart,
    DateOnly? DateFrom,
    DateOnly? DateTo,
    bool? NotAnalysedWithType);
