namespace ReportLens.Jobs.Control;

/// <summary>Selects reports for a job; every set field must match. <see cref="NotAnalysedWithType"/> skips reports
/// that already have a succeeded annotation of the job's type.</summary>
public sealed record JobFilter
{
    public string? Modality { get; init; }
    public string? BodyPart { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
    public bool NotAnalysedWithType { get; init; }
}
