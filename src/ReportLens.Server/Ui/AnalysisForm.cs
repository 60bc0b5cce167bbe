using ReportLens.Core.Annotations;

namespace ReportLens.Server.Ui;

/// <summary>What the Analyse form asks for; null engine or model means the server's default.</summary>
public sealed class AnalysisForm
{
    public string Type { get; set; } = "highlight";
    public string UserPrompt { get; set; } = "";
    public string? Engine { get; set; }
    public string? Model { get; set; }
    public double? Temperature { get; set; }
    public bool BypassCache { get; set; }

    public AnnotationType ParsedType => AnnotationTypes.TryParse(Type, out var type) ? type : AnnotationType.Highlight;
}
