namespace ReportLens.Server.Analysis;

/// <summary>The analysis options every analyze, batch and job request carries, as they arrive (unvalidated).</summary>
public interface IAnalysisOptions
{
    string? AnnotationType { get; }
    string? UserPrompt { get; }
    double? Temperature { get; }
    string? Engine { get; }
    string? Cache { get; }
    string? Model { get; }
}
