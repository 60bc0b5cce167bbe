namespace ReportLens.Server.Ui;

/// <summary>The Analyse form's options failed the same checks POST /api/v1/ai/analyze applies; the message lists them.</summary>
public sealed class AnalysisOptionsException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join("; ", errors.SelectMany(e => e.Value)));
