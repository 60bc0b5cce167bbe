namespace ReportLens.Core.Evaluation;

/// <summary>One-to-one greedy matching of predicted spans (in reading order) to gold items (in listing order).</summary>
internal static class SpanMatcher
{
    public static PrecisionRecall Match(
        IReadOnlyList<(int Start, int End)?> predicted,
        IReadOnlyList<List<(int Start, int End)>> gold,
        bool exact,
        Func<int, int, bool>? alsoRequire = null)
    {
        var used = new bool[gold.Count];
        var matched = 0;
        var order = Enumerable.Range(0, predicted.Count).OrderBy(i => predicted[i]?.Start ?? int.MaxValue).ThenBy(i => i);
        foreach (var p in order)
        {
            if (predicted[p] is not { } span)
            {
                continue;
            }

            for (var g = 0; g < gold.Count; g++)
            {
                if (!used[g] && gold[g].Any(s => exact ? s == span : Overlap(s, span) > 0) && (alsoRequire?.Invoke(p, g) ?? true))
                {
                    used[g] = true;
                    matched++;
                    break;
                }
            }
        }

        return new PrecisionRecall(predicted.Count, gold.Count, matched);
    }

    public static int Overlap((int Start, int End) a, (int Start, int End) b) =>
        Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
}
