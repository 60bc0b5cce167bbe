namespace ReportLens.Core.Rules.Analysis;

/// <summary>A section: its heading (empty for the preamble) and its body, as UTF-16 offsets.</summary>
internal sealed record ReportSection(SectionKind Kind, int HeadingStart, int BodyStart, int End)
{
    /// <summary>Sections whose sentences describe the patient's images (not history, technique or advice).</summary>
    public bool Describes => Kind is SectionKind.Preamble or SectionKind.Findings or SectionKind.Impression;
}
