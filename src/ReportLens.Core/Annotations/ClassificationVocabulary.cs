namespace ReportLens.Core.Annotations;

/// <summary>
/// The classification dimensions and their fixed categories (stored values, so they never change), in one place: the rules engine writes them,
/// the hybrid merge's safety rules and the evaluator compare them, the server reads 紧急程度 back.
/// </summary>
public static class ClassificationVocabulary
{
    public const string Urgency = "紧急程度";
    public const string BodyPart = "检查部位";
    public const string Modality = "检查类型";
    public const string FollowUp = "是否需要随访";
    public const string FurtherExam = "是否需要进一步检查";

    public const string Yes = "是";
    public const string No = "否";
    public const string Other = "其他";
    public const string Normal = "正常";

    private static readonly string[] Scale = [Normal, "异常轻微", "异常中度", "异常严重", "危急"];

    public static IReadOnlyList<string> Dimensions { get; } = [Urgency, BodyPart, Modality, FollowUp, FurtherExam];

    /// <summary>紧急程度 from least to most severe.</summary>
    public static IReadOnlyList<string> UrgencyScale => Scale;

    /// <summary>The position of an urgency category on the scale; -1 for a category the scale does not know.</summary>
    public static int UrgencySeverity(string? category) => category is null ? -1 : Array.IndexOf(Scale, category);

    public static string YesNo(bool value) => value ? Yes : No;

    /// <summary>检查部位's categories (docs/gold-format.md).</summary>
    public static IReadOnlyList<string> BodyParts { get; } = ["头颅", "胸部", "腹部", "四肢", "脊柱", Other];

    /// <summary>检查类型's categories (docs/gold-format.md).</summary>
    public static IReadOnlyList<string> Modalities { get; } = ["CT", "MRI", "X-Ray", "超声", Other];

    /// <summary>The categories a dimension may take; empty for a dimension this vocabulary does not know.</summary>
    public static IReadOnlyList<string> CategoriesOf(string dimension) => dimension switch
    {
        Urgency => Scale,
        BodyPart => BodyParts,
        Modality => Modalities,
        FollowUp or FurtherExam => [Yes, No],
        _ => [],
    };
}
