namespace ReportLens.Core.Annotations;

/// <summary>
/// The 14 CheXpert observations (Irvin et al., 2019) and their labels. The rules engine classifies English chest
/// radiographs on them, one classification item per observation, dimension <c>CheXpert: {observation}</c>.
/// </summary>
public static class ChexpertVocabulary
{
    public const string DimensionPrefix = "CheXpert: ";
    public const string NoFinding = "No Finding";
    public const string SupportDevices = "Support Devices";

    public const string Positive = "positive";
    public const string Negative = "negative";
    public const string Uncertain = "uncertain";
    public const string NotMentioned = "not_mentioned";

    public static IReadOnlyList<string> Observations { get; } =
    [
        NoFinding, "Enlarged Cardiomediastinum", "Cardiomegaly", "Lung Lesion", "Lung Opacity", "Edema", "Consolidation",
        "Pneumonia", "Atelectasis", "Pneumothorax", "Pleural Effusion", "Pleural Other", "Fracture", SupportDevices,
    ];

    /// <summary>Labels a gold file may give; an observation the gold leaves out is <see cref="NotMentioned"/>.</summary>
    public static IReadOnlyList<string> GoldLabels { get; } = [Positive, Negative, Uncertain];

    public static string Dimension(string observation) => DimensionPrefix + observation;
}
