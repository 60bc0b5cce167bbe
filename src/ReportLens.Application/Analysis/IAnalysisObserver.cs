using ReportLens.Core.Annotations;

namespace ReportLens.Application.Analysis;

/// <summary>Sees every analysis outcome (for metrics); gets ids, engines and figures — never report text.</summary>
public interface IAnalysisObserver
{
    void Completed(AnalysisInput input, AnalysisResult result);

    void Failed(AnalysisInput input, EngineKind engine, Exception error, TimeSpan elapsed);
}
