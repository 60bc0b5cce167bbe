using System.Reflection;

namespace ReportLens.Core.Text;

/// <summary>
/// Reads the data files embedded in this library: whole texts, line lists and tab-separated tables. In lists and
/// tables, blank lines and lines starting with '#' are skipped and each line is trimmed of spaces.
/// </summary>
internal static class EmbeddedText
{
    public static string Read(Assembly assembly, string name)
    {
        using var reader = Open(assembly, name);
        return reader.ReadToEnd();
    }

    public static List<string> ReadLines(Assembly assembly, string name) =>
        [.. NumberedLines(assembly, name).Select(l => l.Text)];

    /// <summary>The tab-separated rows; a row with fewer than <paramref name="minColumns"/> columns is an error.</summary>
    public static List<string[]> ReadRows(Assembly assembly, string name, int minColumns)
    {
        var rows = new List<string[]>();
        foreach (var (number, text) in NumberedLines(assembly, name))
        {
            var row = text.Split('\t');
            if (row.Length < minColumns)
            {
                throw new InvalidDataException(
                    $"Embedded resource '{name}', line {number}: '{text}' needs at least {minColumns} tab-separated columns.");
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<(int Number, string Text)> NumberedLines(Assembly assembly, string name)
    {
        using var reader = Open(assembly, name);
        var lines = new List<(int, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length > 0 && !line.StartsWith('#'))
            {
                lines.Add((number, line.Trim(' ')));
            }
        }

        return lines;
    }

    private static StreamReader Open(Assembly assembly, string name)
    {
        var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing from {assembly.GetName().Name}.");
        return new StreamReader(stream);
    }
}
