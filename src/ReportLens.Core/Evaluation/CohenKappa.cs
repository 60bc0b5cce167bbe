namespace ReportLens.Core.Evaluation;

/// <summary>
/// Cohen's κ between two raters who labelled the same items: κ = (p_o − p_e) / (1 − p_e), with p_o the share of items
/// labelled alike and p_e = Σ_c p_A(c) · p_B(c) the agreement expected by chance from each rater's label shares.
/// </summary>
public static class CohenKappa
{
    /// <summary>
    /// Agreement over <paramref name="pairs"/> (rater A's label, rater B's label) compared ordinally. κ is null when it is
    /// undefined: no items, or p_e = 1 (both raters gave every item one and the same label, so chance explains everything).
    /// </summary>
    public static AgreementFigures Of(IEnumerable<(string A, string B)> pairs)
    {
        var list = pairs.ToList();
        var n = list.Count;
        if (n == 0)
        {
            return new AgreementFigures(0, 0, null, null, null, []);
        }

        var agreed = list.Count(p => string.Equals(p.A, p.B, StringComparison.Ordinal));
        var countsA = list.GroupBy(p => p.A, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var countsB = list.GroupBy(p => p.B, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var observed = (double)agreed / n;
        var expected = countsA.Sum(a => (double)a.Value / n * (countsB.TryGetValue(a.Key, out var b) ? (double)b / n : 0));
        double? kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
        var cells = list.GroupBy(p => p)
            .Select(g => new AgreementCell(g.Key.A, g.Key.B, g.Count()))
            .OrderBy(c => c.A, StringComparer.Ordinal).ThenBy(c => c.B, StringComparer.Ordinal)
            .ToList();
        return new AgreementFigures(n, agreed, Math.Round(observed, 4), Math.Round(expected, 4), kappa is { } k ? Math.Round(k, 4) : null, cells);
    }
}
