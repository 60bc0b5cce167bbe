namespace ReportLens.Data.Entities;

public sealed class Report
{
    public int Id { get; set; }
    public string? AccessionNumber { get; set; }
    public required string ReportContent { get; set; }
    public string? Modality { get; set; }
    public string? BodyPart { get; set; }
    public DateOnly? ExamDate { get; set; }
    /// <summary>"zh" or "en".</summary>
    public required string Language { get; set; }
    /// <summary>SHA-256 of the text, hex: the result cache's key part and the audit's proof of content.</summary>
    public required string ContentHash { get; set; }
    /// <summary>紧急程度 of the latest classification, so lists can filter and colour by it.</summary>
    public string? Urgency { get; set; }
    public DateTimeOffset? LastAnalysedAt { get; set; }
    public bool IsDeleted { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public int? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<Annotation> Annotations { get; set; } = [];
}
