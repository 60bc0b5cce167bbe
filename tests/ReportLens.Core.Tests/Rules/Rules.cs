using ReportLens.Core.Annotations;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>Shorthands that run the shared engine and return one annotation type.</summary>
internal static class Rules
{
    public static ExtractionContent Extract(string report, ReportLanguage language = ReportLanguage.Zh) =>
        (ExtractionContent)RulesEngine.Default.Analyze(report, AnnotationType.Extraction, language);

    public static HighlightContent Highlight(string report, ReportLanguage language = ReportLanguage.Zh) =>
        (HighlightContent)RulesEngine.Default.Analyze(report, AnnotationType.Highlight, language);

    public static ClassificationContent Classify(string report, ReportLanguage language = ReportLanguage.Zh) =>
        (ClassificationContent)RulesEngine.Default.Analyze(report, AnnotationType.Classification, language);

    public static ScoringContent Score(string report, ReportLanguage language = ReportLanguage.Zh) =>
        (ScoringContent)RulesEngine.Default.Analyze(report, AnnotationType.Scoring, language);

    public static string Category(this ClassificationContent content, string dimension) =>
        content.Classifications.Single(c => c.Dimension == dimension).Category;

    public static Finding Finding(this ExtractionContent content, string text) =>
        content.FindingDetails.Single(f => f.Text == text);

    /// <summary>The first finding whose text contains <paramref name="term"/> (any case); null when none does.</summary>
    public static Finding? FindingWith(this ExtractionContent content, string term) =>
        content.FindingDetails.FirstOrDefault(f => f.Text.Contains(term, StringComparison.OrdinalIgnoreCase));
}
