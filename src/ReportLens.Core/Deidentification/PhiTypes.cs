namespace ReportLens.Core.Deidentification;

/// <summary>The snake_case codes of <see cref="PhiType"/> used in data files, gold corpora and summaries.</summary>
public static class PhiTypes
{
    private static readonly Dictionary<string, PhiType> ByCode =
        Enum.GetValues<PhiType>().ToDictionary(ToCode, t => t, StringComparer.Ordinal);

    public static string ToCode(this PhiType type) => type switch
    {
        PhiType.IdNumber => "id_number",
        PhiType.RecordNumber => "record_number",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static PhiType Parse(string code) =>
        ByCode.TryGetValue(code, out var type) ? type : throw new FormatException($"unknown identifier type '{code}'");
}
