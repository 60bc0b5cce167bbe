namespace ReportLens.Server.Hl7;

/// <summary>
/// The "Hl7:Analysis" section: the first rule matching a report's modality and body part decides its analyses;
/// without a match the defaults apply (HL7_ANALYSIS_TYPES, HL7_ANALYSIS_ENGINE). No types: reports are only stored.
/// </summary>
public sealed class Hl7AnalysisPolicy
{
    public string Types { get; set; } = "";
    public string? Engine { get; set; }
    public List<Hl7AnalysisRule> Rules { get; set; } = [];

    public Hl7AnalysisRule For(string? modality, string? bodyPart) =>
        Rules.FirstOrDefault(r => r.Matches(modality, bodyPart)) ?? new Hl7AnalysisRule { Types = Types, Engine = Engine };

    public IEnumerable<string> Problems() =>
        new Hl7AnalysisRule { Types = Types, Engine = Engine }.Problems("Hl7:Analysis")
            .Concat(Rules.SelectMany((r, i) => r.Problems($"Hl7:Analysis:Rules:{i}")));
}
