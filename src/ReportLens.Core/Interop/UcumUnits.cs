namespace ReportLens.Core.Interop;

/// <summary>Maps the units radiology reports write (mm, 厘米, ml, HU…) to UCUM codes; unknown units stay unmapped.</summary>
public static class UcumUnits
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mm"] = "mm", ["毫米"] = "mm", ["cm"] = "cm", ["厘米"] = "cm", ["m"] = "m", ["米"] = "m",
        ["mm2"] = "mm2", ["mm²"] = "mm2", ["cm2"] = "cm2", ["cm²"] = "cm2",
        ["mm3"] = "mm3", ["mm³"] = "mm3", ["cm3"] = "cm3", ["cm³"] = "cm3", ["cc"] = "cm3",
        ["ml"] = "mL", ["毫升"] = "mL", ["l"] = "L", ["升"] = "L",
        ["mg"] = "mg", ["g"] = "g", ["kg"] = "kg",
        ["hu"] = "[hnsf'U]", ["%"] = "%", ["s"] = "s", ["秒"] = "s", ["ms"] = "ms",
        ["mmhg"] = "mm[Hg]", ["cm/s"] = "cm/s", ["bpm"] = "/min", ["次/分"] = "/min",
    };

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
}
