namespace ReportLens.Cli.Analysis;

/// <summary>Analyses text that is not stored: locally (the analysis stack in this process) or on a server.</summary>
public interface ITextAnalysis : IAsyncDisposable
{
    Task<AnalysisOutput> AnalyzeAsync(string text, string? language, AnalysisSettings settings, CancellationToken cancellationToken);
}
