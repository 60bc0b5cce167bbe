namespace ReportLens.Core.Annotations;

/// <summary>
/// The stored extraction shape (findings and locations as strings, measurements, impression) plus, in the
/// same order, the details a reviewer needs: negation, uncertainty and where each item stands in the report.
/// </summary>
public sealed record ExtractionContent : AnnotationContent
{
    public override AnnotationType Type => AnnotationType.Extraction;
    public IReadOnlyList<string> Findings { get; init; } = [];
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public string Impression { get; init; } = "";
    public IReadOnlyList<Finding> FindingDetails { get; init; } = [];
    public IReadOnlyList<GroundedText> LocationDetails { get; init; } = [];
    public GroundedText? ImpressionDetails { get; init; }

    /// <summary>Devices and post-operative material the report states as present (tubes, lines, wires, clips), each mention once, in order.</summary>
    public IReadOnlyList<GroundedText> Devices { get; init; } = [];
}
