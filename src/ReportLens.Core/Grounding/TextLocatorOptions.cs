namespace ReportLens.Core.Grounding;

/// <summary>Tuning of <see cref="TextLocator"/>.</summary>
public sealed record TextLocatorOptions
{
    public static TextLocatorOptions Default { get; } = new();

    /// <summary>Least similarity (1 − edits / length, over normalised text) a fuzzy match needs.</summary>
    public double FuzzyThreshold { get; init; } = 0.8;

    /// <summary>
    /// Most edit-distance cells one fuzzy search may fill (needle length × window length). Above it the search
    /// runs only in windows that share enough bigrams with the needle.
    /// </summary>
    public long FuzzyCellBudget { get; init; } = 2_000_000;

    /// <summary>Longer (normalised) texts are matched exactly or not at all: no highlight or finding is this long.</summary>
    public int MaxFuzzyLength { get; init; } = 1_000;
}
