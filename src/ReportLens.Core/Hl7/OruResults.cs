using ReportLens.Core.Annotations;

namespace ReportLens.Core.Hl7;

/// <summary>What an outbound ORU^R01 carries: the report's identity and text and its (reviewed) extraction, if any.</summary>
public sealed record OruResults(
    int ReportId,
    string? AccessionNumber,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string ReportText,
    ExtractionContent? Extraction);
