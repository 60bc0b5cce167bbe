namespace ReportLens.Server.Jobs;

/// <summary>{modality, body_part, date_from, date_to (exam dates, yyyy-MM-dd), not_analysed_with_type}.</summary>
public sealed record JobFilterRequest(
    string? Modality,
    string? BodyPart,
    DateOnly? DateFrom,
    DateOnly? DateTo,
    bool? NotAnalysedWithType);
