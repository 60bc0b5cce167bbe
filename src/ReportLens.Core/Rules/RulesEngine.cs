using ReportLens.Core.Annotations;
using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Builders;
using ReportLens.Core.Rules.Matching;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules;

/// <summary>
/// The built-in engine ("rules"): lexicons, NegEx-style negation and uncertainty scopes, measurement patterns and
/// scoring rules over Chinese and English radiology reports. Deterministic, stateless and thread-safe; every item
/// carries an exact grounding because every span is cut from the report. docs/rules-engine.md has the rules.
/// </summary>
public sealed class RulesEngine : IRulesEngine
{
    /// <summary>The shared instance; the engine holds no per-call state.</summary>
    public static RulesEngine Default { get; } = new();

    public const string EngineName = "rules";

    public AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language) =>
        Analyze(reportText, type, language, CancellationToken.None);

    /// <summary>Analyses the report, checking <paramref name="ct"/> between stages and once per clause.</summary>
    public AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reportText);
        var analysis = RulesAnalyzer.Analyze(reportText, LexiconCatalog.For(language), ct);
        ct.ThrowIfCancellationRequested();
        return type switch
        {
            AnnotationType.Highlight => HighlightBuilder.Build(analysis),
            AnnotationType.Classification => ClassificationBuilder.Build(analysis),
            AnnotationType.Extraction => ExtractionBuilder.Build(analysis),
            AnnotationType.Scoring => ScoringBuilder.Build(analysis),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown annotation type."),
        };
    }

    /// <summary>All four annotation types from one pass over the report.</summary>
    public IReadOnlyDictionary<AnnotationType, AnnotationContent> AnalyzeAll(string reportText, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(reportText);
        var analysis = RulesAnalyzer.Analyze(reportText, LexiconCatalog.For(language), CancellationToken.None);
        return new Dictionary<AnnotationType, AnnotationContent>
        {
            [AnnotationType.Highlight] = HighlightBuilder.Build(analysis),
            [AnnotationType.Classification] = ClassificationBuilder.Build(analysis),
            [AnnotationType.Extraction] = ExtractionBuilder.Build(analysis),
            [AnnotationType.Scoring] = ScoringBuilder.Build(analysis),
        };
    }

    /// <summary>Analyses the report in the language <see cref="LanguageDetector"/> finds.</summary>
    public AnnotationContent Analyze(string reportText, AnnotationType type) =>
        Analyze(reportText, type, LanguageDetector.Detect(reportText));
}
