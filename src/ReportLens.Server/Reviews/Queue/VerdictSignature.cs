using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Reviews.Queue;

/// <summary>
/// What an annotation asserts, reduced so two engines' annotations of one report can be compared: the classes per
/// dimension, the asserted (not negated) highlights and findings, the overall score.
/// </summary>
public static class VerdictSignature
{
    public static string Of(Annotation a) => Of(a.AnnotationType.WireName(), a.ContentJson ?? "");

    public static string Of(string annotationType, string contentJson)
    {
        if (contentJson.Length == 0 || !AnnotationTypes.TryParse(annotationType, out var type))
        {
            return "";
        }

        IEnumerable<string> parts = ReportLensJson.DeserializeContent(type, contentJson) switch
        {
            ClassificationContent c => c.Classifications.Select(i => $"{i.Dimension}={i.Category}"),
            HighlightContent h => h.Highlights.Where(i => !i.Negated).Select(i => $"{i.Category}:{i.Text}"),
            ExtractionContent e => e.FindingDetails.Count > 0
                ? e.FindingDetails.Where(f => !f.Negated).Select(f => f.Text)
                : e.Findings,
            ScoringContent s => [s.OverallScore.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            _ => [],
        };
        return string.Join("\n", parts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }
}
