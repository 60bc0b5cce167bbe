using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews;

/// <summary>What an item path names: its list, and the categories and highest score a correction of it may give.</summary>
public static class ReviewTargets
{
    /// <summary>The lists a reviewer can add missed items to, per annotation type.</summary>
    public static IReadOnlyList<string> AddableLists(string annotationType) => annotationType switch
    {
        "highlight" => ["highlights"],
        "extraction" => ["findings", "locations"],
        _ => [],
    };

    public static string ListOf(string path) => path.Split('/')[0];

    public static (IReadOnlyList<string> Categories, int MaxScore) LimitsOf(Annotation annotation, string path)
    {
        var list = ListOf(path);
        if (list == "highlights")
        {
            return (HighlightCategories.All, 0);
        }

        if (annotation.ContentJson is not { } json || !int.TryParse(path.AsSpan(list.Length + 1), out var index))
        {
            return ([], 0);
        }

        return list switch
        {
            "classifications" when ReportLensJson.DeserializeContent(AnnotationType.Classification, json) is ClassificationContent c && index < c.Classifications.Count
                => (ClassificationVocabulary.CategoriesOf(c.Classifications[index].Dimension), 0),
            "scores" when ReportLensJson.DeserializeContent(AnnotationType.Scoring, json) is ScoringContent s && index < s.Scores.Count
                => ([], s.Scores[index].MaxScore),
            _ => ([], 0),
        };
    }
}
