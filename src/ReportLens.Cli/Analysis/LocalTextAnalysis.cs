using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Application.Analysis;

namespace ReportLens.Cli.Analysis;

/// <summary>Runs the analysis stack in this process; disposing it disposes the host.</summary>
public sealed class LocalTextAnalysis(AnalysisHost host) : ITextAnalysis
{
    public const string RulesModelName = "rules";

    public async Task<AnalysisOutput> AnalyzeAsync(string text, string? language, AnalysisSettings settings, CancellationToken cancellationToken)
    {
        var lang = LanguageDetector.TryParse(language, out var parsed) ? parsed : LanguageDetector.Detect(text);
        var request = new AnalysisRequest(text, lang, settings.Type, settings.Prompt, settings.Engine, settings.Model, settings.Temperature, Interactive: false, FewShot: settings.FewShot);
        var outcome = await host.Analyzer.AnalyzeAsync(request, cancellationToken);
        var llm = outcome.Llm;
        return new AnalysisOutput
        {
            AnnotationType = settings.Type,
            Engine = outcome.Engine,
            ModelName = llm?.Model ?? RulesModelName,
            Confidence = outcome.Confidence,
            GroundedFraction = outcome.GroundedFraction,
            DurationSeconds = outcome.DurationSeconds,
            PromptEvalCount = llm?.PromptTokens,
            EvalCount = llm?.OutputTokens,
            TokensPerSecond = llm is { OutputTokens: { } n, EvalDurationNs: > 0 } ? Math.Round(n / (llm.EvalDurationNs.Value / 1e9), 1) : null,
            SchemaRepairs = llm?.SchemaRepairs ?? 0,
            Content = outcome.Content,
        };
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
