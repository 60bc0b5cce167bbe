using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Evaluation;

/// <summary>
/// What makes a gold record unusable, each problem with the field it concerns ("findings[2].start"): gold files and
/// few-shot examples are checked by the same rules. Messages name positions, never the report's text.
/// </summary>
public static class GoldReportChecks
{
    public static IEnumerable<GoldProblem> Problems(GoldReport report)
    {
        if (string.IsNullOrWhiteSpace(report.Id) || string.IsNullOrWhiteSpace(report.Text))
        {
            yield return new GoldProblem(string.IsNullOrWhiteSpace(report.Id) ? "id" : "text", "id and text must not be empty");
            yield break;
        }

        // JSON null where a list or an entry belongs passes deserialisation; it is a problem of the record, not a crash.
        if (report.Findings is null || report.Measurements is null || report.Locations is null)
        {
            yield return new GoldProblem(report.Findings is null ? "findings" : report.Measurements is null ? "measurements" : "locations",
                "findings, measurements and locations must be lists");
            yield break;
        }

        var empty = report.Findings.Select((f, i) => (f is null, $"findings[{i}]"))
            .Concat(report.Measurements.Select((m, i) => (m is null, $"measurements[{i}]")))
            .FirstOrDefault(e => e.Item1);
        if (empty.Item1)
        {
            yield return new GoldProblem(empty.Item2, "an entry is null");
            yield break;
        }

        var texts = report.Findings.Select((f, i) => ("finding", "findings", i, f.Text, f.Start, f.CodePointStart))
            .Concat(report.Measurements.Select((m, i) => ("measurement", "measurements", i, m.Text, m.Start, m.CodePointStart)))
            .Concat(report.Locations.Select((l, i) => ("location", "locations", i, l, (int?)null, (int?)null)));
        TextLocator? locator = null;
        foreach (var (kind, list, index, text, start, codePointStart) in texts)
        {
            if (string.IsNullOrEmpty(text) || !report.Text.Contains(text, StringComparison.Ordinal))
            {
                yield return new GoldProblem(list == "locations" ? $"{list}[{index}]" : $"{list}[{index}].text",
                    $"{kind} {index} is not an exact substring of the report");
            }
            else if (start is { } s && (s < 0 || s > report.Text.Length - text.Length || string.CompareOrdinal(report.Text, s, text, 0, text.Length) != 0))
            {
                yield return new GoldProblem($"{list}[{index}].start", $"{kind} {index} has a start that does not point at its text (UTF-16 offset {s})");
            }
            else if (codePointStart is { } cp && (start is not { } utf16 || (locator ??= new TextLocator(report.Text)).ToCodePoint(utf16) != cp))
            {
                yield return new GoldProblem($"{list}[{index}].code_point_start", $"{kind} {index} has a code_point_start that is not its start in code points");
            }
        }

        foreach (var (observation, label) in report.Chexpert ?? new Dictionary<string, string>())
        {
            if (!ChexpertVocabulary.Observations.Contains(observation) || !ChexpertVocabulary.GoldLabels.Contains(label))
            {
                yield return new GoldProblem("chexpert",
                    $"chexpert entry '{observation}' must name a CheXpert observation and be positive, negative or uncertain");
            }
        }
    }
}
