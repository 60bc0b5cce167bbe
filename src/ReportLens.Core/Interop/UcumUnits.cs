namespace ReportLens.Core.Interop;

/// <summary>
/// Maps the units radiology reports write (mm, 厘米, ml, HU…) to UCUM codes, from Interop/Data/ucum-units.tsv;
/// unknown units stay unmapped.
/// </summary>
public static class UcumUnits
{
    private static readonly Dictionary<string, string> Codes = Load();

    public static bool TryGetCode(string? unit, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(unit) || !Codes.TryGetValue(unit.Trim(), out var found))
        {
            return false;
        }

        code = found;
        return true;
    }

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(UcumUnits).Assembly.GetManifestResourceStream("ReportLens.Core.Interop.Data.ucum-units.tsv")
            ?? throw new InvalidOperationException("embedded ucum-units.tsv is missing");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            codes[parts[0].Trim()] = parts[1].Trim();
        }

        return codes;
    }
}
