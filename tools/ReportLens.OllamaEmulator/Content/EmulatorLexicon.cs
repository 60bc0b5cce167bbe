using System.Text.Json;

namespace ReportLens.OllamaEmulator.Content;

/// <summary>The keyword lists the emulator's "model" uses; data in lexicon.json, loaded once per host.</summary>
internal sealed record EmulatorLexicon
{
    public IReadOnlyList<string> Abnormal { get; init; } = [];
    public IReadOnlyList<string> Negation { get; init; } = [];
    public IReadOnlyList<string> Critical { get; init; } = [];
    public IReadOnlyList<string> Severe { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public IReadOnlyList<string> ImpressionLabels { get; init; } = [];
    public IReadOnlyList<string> FindingsLabels { get; init; } = [];
    public IReadOnlyList<string> DiagnosisCues { get; init; } = [];
    public IReadOnlyList<string> FollowUpCues { get; init; } = [];
    public IReadOnlyList<string> FurtherExamCues { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> BodyParts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Modalities { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<string> Units { get; init; } = [];
    public IReadOnlyList<string> MeasurementItemTrim { get; init; } = [];
    public IReadOnlyDictionary<string, string> Hallucination { get; init; } = new Dictionary<string, string>();

    public static EmulatorLexicon Load()
    {
        using var stream = typeof(EmulatorLexicon).Assembly.GetManifestResourceStream("ReportLens.OllamaEmulator.lexicon.json")
            ?? throw new InvalidOperationException("Embedded resource lexicon.json is missing.");
        return JsonSerializer.Deserialize<EmulatorLexicon>(stream, EmulatorJson.Options)
            ?? throw new InvalidOperationException("lexicon.json is empty.");
    }
}
