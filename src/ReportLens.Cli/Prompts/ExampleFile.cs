using System.Text.Json;
using System.Text.RegularExpressions;
using ReportLens.Cli.Infrastructure;

namespace ReportLens.Cli.Prompts;

/// <summary>
/// A gold JSONL file read as few-shot examples: one JSON object per non-blank line, checked later by the use case;
/// its problems ("examples[2].findings[0].start") are shown with the file's line numbers.
/// </summary>
public sealed partial class ExampleFile
{
    private readonly List<int> _lines;

    private ExampleFile(IReadOnlyList<JsonElement> records, List<int> lines)
    {
        Records = records;
        _lines = lines;
    }

    public IReadOnlyList<JsonElement> Records { get; }

    public static async Task<ExampleFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file not found: {path}");
        }

        var records = new List<JsonElement>();
        var lines = new List<int>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<JsonElement>(line));
                lines.Add(number);
            }
            catch (JsonException)
            {
                throw CliException.Usage($"{Path.GetFileName(path)}:{number}: not a JSON object");
            }
        }

        return new ExampleFile(records, lines);
    }

    /// <summary>"line 3 (examples[1].findings[0].start): …" for a problem of an example; other problems as they are.</summary>
    public string Describe(string field, string message) =>
        ExampleIndex().Match(field) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < _lines.Count
            ? $"line {_lines[i]} ({field}): {message}"
            : $"{field}: {message}";

    [GeneratedRegex(@"^examples\[(\d+)\]")]
    private static partial Regex ExampleIndex();
}
