using ReportLens.Core.Annotations;

namespace ReportLens.Application.Analysis;

/// <summary>
/// Sees every analysis outcome (for metrics), with the request as it was asked (before the defaults are filled in);
/// reads ids, engines and figures — never report text.
/// </summary>
public interface IAnalysisObserver
{
    void Completed(AnalysisRequest request, AnalysisOutcome outcome);

    void Failed(AnalysisRequest request, EngineKind engine, Exception error, TimeSpan elapsed);
}
