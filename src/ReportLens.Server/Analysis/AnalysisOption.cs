namespace ReportLens.Server.Analysis;

/// <summary>The fields of <see cref="IAnalysisOptions"/> that <see cref="AnalysisOptionRules"/> checks.</summary>
public enum AnalysisOption
{
    AnnotationType,
    UserPrompt,
    Temperature,
    Engine,
    Cache,
    Model,
}
