using ReportLens.Server.Analysis;

namespace ReportLens.Server.Ui;

/// <summary>What the Analyse and Jobs forms ask for; a blank engine or model means the server's default.</summary>
public sealed class AnalysisForm : IAnalysisOptions
{
    public string Type { get; set; } = "highlight";
    public string UserPrompt { get; set; } = "";
    public string? Engine { get; set; }
    public string? Model { get; set; }
    public double? Temperature { get; set; }
    public bool BypassCache { get; set; }

    // The dropdowns post "" for "server default"; the parser must see that as absent, not as an invalid name.
    string? IAnalysisOptions.AnnotationType => Type;
    string? IAnalysisOptions.Engine => Blank(Engine);
    string? IAnalysisOptions.Model => Blank(Model);
    string? IAnalysisOptions.Cache => BypassCache ? "bypass" : "use";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
