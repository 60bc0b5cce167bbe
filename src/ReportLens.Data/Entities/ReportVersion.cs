namespace ReportLens.Data.Entities;

/// <summary>
/// A former text of a report, kept when a correction replaced it (HL7 OBR-25 = C). The report row always holds the
/// current version; its former ones are numbered from 1 in the order they were replaced.
/// </summary>
public sealed class ReportVersion
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public int Version { get; set; }
    public required string ReportContent { get; set; }
    public required string ContentHash { get; set; }
    public string? Modality { get; set; }
    public string? BodyPart { get; set; }
    public DateOnly? ExamDate { get; set; }
    public required string Language { get; set; }
    /// <summary>When this version was stored (the report's UpdatedAt at the time).</summary>
    public DateTimeOffset StoredAt { get; set; }
    public DateTimeOffset SupersededAt { get; set; }
    /// <summary>Who replaced it, as the audit names them (hl7:&lt;sending application&gt;).</summary>
    public string? SupersededBy { get; set; }
}
