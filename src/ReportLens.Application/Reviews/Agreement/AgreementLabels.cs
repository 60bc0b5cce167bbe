using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews.Agreement;

/// <summary>
/// The labels agreement is computed on. Item kinds: the decision (accept, reject, edit) on each engine item; the
/// engine's own label is accept (it stands by what it produced). Added items: added / not_added, over the spans either
/// rater added. Classification dimensions: the category verdict — the engine's category when accepted, the corrected
/// one when edited, "rejected" when rejected.
/// </summary>
public static class AgreementLabels
{
    public const string Rejected = "rejected";
    public const string Added = "added";
    public const string NotAdded = "not_added";

    /// <summary>An item's kind: its list ("highlights", "findings"…) or "impression".</summary>
    public static string KindOf(string item) => ReviewTargets.ListOf(item);

    public static string AddedKindOf(string list) => $"added_{list}";

    /// <summary>Each classification item's path, dimension and the engine's category.</summary>
    public static IReadOnlyList<(string Item, string Dimension, string Category)> Classifications(Annotation annotation) =>
        annotation is { AnnotationType: AnnotationType.Classification, ContentJson: { } json }
            && ReportLensJson.DeserializeContent(AnnotationType.Classification, json) is ClassificationContent c
            ? c.Classifications.Select((x, i) => ($"classifications/{i}", x.Dimension, x.Category)).ToList()
            : [];

    public static string? Verdict(ReviewDecision? decision, string engineCategory) => decision?.Decision switch
    {
        ReviewDecisions.Accept => engineCategory,
        ReviewDecisions.Reject => Rejected,
        ReviewDecisions.Edit => decision.Attributes?.Category ?? decision.Text ?? engineCategory,
        _ => null,
    };
}
