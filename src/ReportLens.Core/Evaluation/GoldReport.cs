using ReportLens.Core.Annotations;

namespace ReportLens.Core.Evaluation;

/// <summary>
/// One line of a gold file (JSONL, snake_case): a report and what a careful radiologist marks in it.
/// The format is documented in docs/gold-format.md.
/// </summary>
public sealed record GoldReport
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    /// <summary>"zh" or "en".</summary>
    public required string Language { get; init; }
    /// <summary>CT, MRI, X-Ray, 超声 (ultrasound) or 其他, the categories of ClassificationVocabulary.Modality (检查类型).</summary>
    public required string Modality { get; init; }
    /// <summary>头颅, 胸部, 腹部, 四肢, 脊柱 or 其他.</summary>
    public required string BodyPart { get; init; }
    /// <summary>正常, 异常轻微, 异常中度, 异常严重 or 危急.</summary>
    public required string Urgency { get; init; }
    public bool FollowUp { get; init; }
    public bool FurtherExam { get; init; }
    public IReadOnlyList<GoldFinding> Findings { get; init; } = [];
    public IReadOnlyList<GoldMeasurement> Measurements { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public string? Impression { get; init; }
    /// <summary>
    /// Optional CheXpert labels (English chest radiographs): observation name → positive, negative or uncertain;
    /// an observation left out is not mentioned. Null when the report was not labelled.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Chexpert { get; init; }
    /// <summary>
    /// Exported gold (docs/gold-format.md#gold-export): the annotation types whose reviewed truth this record holds
    /// (highlight, classification, extraction, scoring); only those are scored. Null for a hand-annotated record: every part.
    /// </summary>
    public IReadOnlyList<AnnotationType>? Reviewed { get; init; }
    /// <summary>Exported gold: the reviewed scores, when a scoring annotation was reviewed.</summary>
    public IReadOnlyList<GoldScore>? Scores { get; init; }

    /// <summary>Whether the record's truth covers <paramref name="type"/>.</summary>
    public bool Covers(AnnotationType type) => Reviewed is null || Reviewed.Contains(type);
}
