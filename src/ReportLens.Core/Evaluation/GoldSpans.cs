namespace ReportLens.Core.Evaluation;

/// <summary>
/// Where gold texts stand: every ordinal occurrence. When a text is listed exactly as many times as it occurs,
/// the k-th listing is the k-th occurrence (annotators list in reading order); otherwise each listing may be
/// any occurrence.
/// </summary>
internal static class GoldSpans
{
    public static List<(int Start, int End)>[] Locate(string report, IReadOnlyList<string> texts)
    {
        var spans = new List<(int Start, int End)>[texts.Count];
        foreach (var group in texts.Select((text, index) => (text, index)).GroupBy(x => x.text, StringComparer.Ordinal))
        {
            var occurrences = Occurrences(report, group.Key);
            var listings = group.Select(x => x.index).ToList();
            for (var k = 0; k < listings.Count; k++)
            {
                spans[listings[k]] = listings.Count == occurrences.Count ? [occurrences[k]] : occurrences;
            }
        }

        return spans;
    }

    private static List<(int Start, int End)> Occurrences(string report, string text)
    {
        var found = new List<(int Start, int End)>();
        if (text.Length == 0)
        {
            return found;
        }

        for (var i = report.IndexOf(text, StringComparison.Ordinal); i >= 0; i = report.IndexOf(text, i + 1, StringComparison.Ordinal))
        {
            found.Add((i, i + text.Length));
        }

        return found;
    }
}
