using ReportLens.Core.Annotations;

namespace ReportLens.Data.Entities;

/// <summary>
/// One few-shot example of the set for an annotation type and language: the example turn pair the model is sent,
/// the gold record it was made from, and the prompt version the whole set made when it was stored (the same on each
/// of its rows; the analyzer makes it afresh from the prompt library in use).
/// </summary>
public sealed class PromptExample
{
    public int Id { get; set; }
    public required AnnotationType AnnotationType { get; set; }
    /// <summary>"zh" or "en".</summary>
    public required string Language { get; set; }
    /// <summary>0-based order in which the examples are sent.</summary>
    public int Position { get; set; }
    /// <summary>The gold record's id.</summary>
    public required string Name { get; set; }
    public required string ReportText { get; set; }
    /// <summary>The assistant turn: the exact JSON the type's schema asks for.</summary>
    public required string AnswerJson { get; set; }
    public required string GoldJson { get; set; }
    public required string PromptVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? CreatedBy { get; set; }
}
