using ReportLens.Application.Reviews;

namespace ReportLens.Server.Components.ReportView;

/// <summary>The values of the attribute fields of an edit or add box; empty strings are "not stated".</summary>
public sealed class ReviewAttributeForm
{
    public string Category { get; set; } = "";
    public bool Negated { get; set; }
    public bool Uncertain { get; set; }
    public string Laterality { get; set; } = "";
    public string Severity { get; set; } = "";
    public int? Score { get; set; }

    public static ReviewAttributeForm From(ReviewAttributes? current, string? category, bool negated, bool uncertain, int? score) => new()
    {
        Category = current?.Category ?? category ?? "",
        Negated = current?.Negated ?? negated,
        Uncertain = current?.Uncertain ?? uncertain,
        Laterality = current?.Laterality ?? "",
        Severity = current?.Severity ?? "",
        Score = current?.Score ?? score,
    };

    /// <summary>The attributes an item of this kind takes, as the form holds them.</summary>
    public ReviewAttributes ToAttributes(ReviewAttributeKinds kinds) => new(
        kinds.Category && Category.Length > 0 ? Category : null,
        kinds.Flags ? Negated : null,
        kinds.Flags ? Uncertain : null,
        kinds.Laterality && Laterality.Length > 0 ? Laterality : null,
        kinds.Severity && Severity.Length > 0 ? Severity : null,
        kinds.Score ? Score : null);
}
