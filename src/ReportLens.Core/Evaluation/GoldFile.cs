using System.Text.Json;
using ReportLens.Core.Json;

namespace ReportLens.Core.Evaluation;

/// <summary>
/// Reads a gold file: one <see cref="GoldReport"/> per line (JSONL, snake_case), blank lines skipped. Every
/// finding, measurement and location text must be an exact substring of the report; ids must be unique.
/// </summary>
public static class GoldFile
{
    public static IReadOnlyList<GoldReport> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>
    /// Every <c>gold*.jsonl</c> file of a folder, in ordinal name order; an id repeated across files is rejected
    /// like one repeated within a file.
    /// </summary>
    public static IReadOnlyList<GoldCorpusFile> LoadFolder(string directory)
    {
        var files = Directory.GetFiles(directory, "gold*.jsonl").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"no gold*.jsonl file in {directory}");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var corpus = new List<GoldCorpusFile>(files.Count);
        foreach (var path in files)
        {
            var reports = Load(path);
            if (reports.FirstOrDefault(r => !ids.Add(r.Id)) is { } repeated)
            {
                throw new GoldFileException(Path.GetFileName(path), 0, $"id '{repeated.Id}' is already in another gold file");
            }

            corpus.Add(new GoldCorpusFile(Path.GetFileName(path), reports));
        }

        return corpus;
    }

    public static IReadOnlyList<GoldReport> Parse(TextReader reader, string source = "gold")
    {
        var reports = new List<GoldReport>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var report = Deserialize(line, source, number);
            if (Problem(report) is { } problem)
            {
                throw new GoldFileException(source, number, problem);
            }

            if (!ids.Add(report.Id))
            {
                throw new GoldFileException(source, number, $"duplicate id '{report.Id}'");
            }

            reports.Add(report);
        }

        return reports;
    }

    private static GoldReport Deserialize(string line, string source, int number)
    {
        try
        {
            return JsonSerializer.Deserialize<GoldReport>(line, ReportLensJson.Options)
                ?? throw new GoldFileException(source, number, "null instead of a report");
        }
        catch (JsonException e)
        {
            throw new GoldFileException(source, number, e.Message, e);
        }
    }

    private static string? Problem(GoldReport report) =>
        GoldReportChecks.Problems(report).FirstOrDefault() is { } problem
            ? problem.Field is "id" or "text" ? problem.Message : $"{report.Id}: {problem.Message}"
            : null;
}
