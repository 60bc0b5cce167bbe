namespace ReportLens.Core.Annotations;

/// <summary>Wire names of <see cref="AnnotationType"/> ("highlight", …) and parsing of them.</summary>
public static class AnnotationTypes
{
    public static readonly IReadOnlyList<string> WireNames = ["highlight", "classification", "extraction", "scoring"];

    public static string ToWire(this AnnotationType type) => WireNames[(int)type];

    public static bool TryParse(string? value, out AnnotationType type)
    {
        var index = value is null ? -1 : IndexOf(value.Trim().ToLowerInvariant());
        type = index < 0 ? default : (AnnotationType)index;
        return index >= 0;
    }

    private static int IndexOf(string value)
    {
        for (var i = 0; i < WireNames.Count; i++)
        {
            if (WireNames[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
