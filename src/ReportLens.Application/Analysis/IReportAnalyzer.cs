using ReportLens.Core.Annotations;

namespace ReportLens.Application.Analysis;

/// <summary>Runs the chosen engine(s) on a report and returns grounded content with evidence-based confidence.</summary>
public interface IReportAnalyzer
{
    Task<AnalysisOutcome> AnalyzeAsync(AnalysisRequest request, CancellationToken ct);

    /// <summary>The engine a request without one gets: hybrid when the LLM backend is reachable with its model, else rules.</summary>
    Task<EngineKind> DefaultEngineAsync(CancellationToken ct);

    /// <summary>The request with engine, model and temperature decided once: what it names, else the defaults.</summary>
    Task<AnalysisRequest> ResolveAsync(AnalysisRequest request, CancellationToken ct);

    /// <summary>
    /// Everything besides the report text that decides the result (engine, resolved model, prompt version,
    /// temperature, user prompt), as a stable string: the result cache's key is a hash of it and the text.
    /// </summary>
    string Fingerprint(AnalysisRequest request, EngineKind engine);
}
