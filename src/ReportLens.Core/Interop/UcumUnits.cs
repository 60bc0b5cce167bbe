using ReportLens.Core.Text;

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
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedText.ReadRows(typeof(UcumUnits).Assembly, "ReportLens.Core.Interop.Data.ucum-units.tsv", minColumns: 2))
        {
            codes[row[0].Trim()] = row[1].Trim();
        }

        return codes;
    }
}
