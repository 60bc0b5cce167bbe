namespace ReportLens.Core.Evaluation;

/// <summary>
/// Where gold texts stand. A listing with a valid <c>start</c> is that occurrence. Otherwise every ordinal
/// occurrence: when a text is listed exactly as many times as it occurs, the k-th listing is the k-th
/// occurrence (annotators list in reading order); otherwise each listing may be any occurrence.
/// </summary>
internal static class GoldSpans
{
    public static List<(int Start, int End)>[] Locate(string report, IReadOnlyList<string> texts) =>
        Locate(report, [.. texts.Select(t => (t, (int?)null))]);

    public static List<(int Start, int End)>[] Locate(string report, IReadOnlyList<(string Text, int? Start)> listings)
    {
        var spans = new List<(int Start, int End)>[listings.Count];
        foreach (var group in listings.Select((listing, index) => (listing, index)).GroupBy(x => x.listing.Text, StringComparer.Ordinal))
        {
            var occurrences = Occurrences(report, group.Key);
            var indexes = group.Select(x => x.index).ToList();
            for (var k = 0; k < indexes.Count; k++)
            {
                var start = listings[indexes[k]].Start;
                spans[indexes[k]] = start is { } s && occurrences.Contains((s, s + group.Key.Length)) ? [(s, s + group.Key.Length)]
                    : indexes.Count == occurrences.Count ? [occurrences[k]]
                    : occurrences;
            }
        }

        return spans;
    }

    public static List<(int Start, int End)>[] Locate(GoldReport gold, IReadOnlyList<GoldFinding> findings) =>
        Locate(gold.Text, [.. findings.Select(f => (f.Text, f.Start))]);

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
