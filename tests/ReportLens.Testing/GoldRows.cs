namespace ReportLens.Testing;

/// <summary>Gold-file rows (one Chinese CT chest report with one abnormal finding) as the API and CLI take them.</summary>
public static class GoldRows
{
    /// <param name="start">The finding's offset in the text (UTF-16), when the row should name it.</param>
    /// <param name="locations">Locations the row lists, when it lists any.</param>
    public static Dictionary<string, object?> Report(string id, string text, string finding, int? start = null, IReadOnlyList<string>? locations = null)
    {
        var findingRow = new Dictionary<string, object?> { ["text"] = finding, ["abnormal"] = true };
        if (start is not null)
        {
            findingRow["start"] = start;
        }

        var row = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["text"] = text,
            ["language"] = "zh",
            ["modality"] = "CT",
            ["body_part"] = "胸部",
            ["urgency"] = "异常轻微",
            ["findings"] = new[] { findingRow },
        };
        if (locations is not null)
        {
            row["locations"] = locations;
        }

        return row;
    }
}
