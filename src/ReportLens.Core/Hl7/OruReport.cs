namespace ReportLens.Core.Hl7;

/// <summary>
/// What an ORU^R01 carries that ReportLens stores: the report text (OBX text values in order) and the exam's
/// fields. <see cref="ResultStatus"/> is OBR-25 (F final, C correction, P preliminary…).
/// </summary>
public sealed record OruReport(
    Hl7Header Header,
    string AccessionNumber,
    string Text,
    string? Modality,
    string? BodyPart,
    DateOnly? ExamDate,
    string? ResultStatus)
{
    /// <summary>OBR-25 = C: a corrected report replaces the stored one, which is kept as a former version.</summary>
    public bool IsCorrection => ResultStatus == "C";
}
