using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>The de-identification data files, read once (Deidentification/Data/*).</summary>
internal sealed record PhiLexicon
{
    public required IReadOnlyList<PatternRule> Patterns { get; init; }
    /// <summary>Chinese labels (matched as written) and Latin ones (whole words, any case): one expression each keeps both fast.</summary>
    public required IReadOnlyList<Regex> Labels { get; init; }
    public required IReadOnlyDictionary<string, LabelEntry> LabelEntries { get; init; }
    public required IReadOnlyList<(string Word, bool AnyLabel)> NameStops { get; init; }
    public required IReadOnlySet<string> EnglishNameStops { get; init; }
    public required IReadOnlyList<string> Surnames { get; init; }
    public required IReadOnlySet<string> MobilePrefixes { get; init; }
    public required IReadOnlyList<string> OrganisationSuffixesZh { get; init; }
    public required IReadOnlyList<string> OrganisationGeneric { get; init; }
    public required IReadOnlyList<string> OrganisationLeading { get; init; }
    public required IReadOnlyList<string> StaffNames { get; init; }
    public required IReadOnlyDictionary<PhiType, (string Zh, string En)> Placeholders { get; init; }
    public required IReadOnlyList<string> Months { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Surrogates { get; init; }
}
