namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// One item as the two reviewers left it, side by side: an engine item (with its text) or an item either of them added
/// (key "added/{list}/{start}-{end}"). Reviewers are in the order of <see cref="ReviewComparison.Reviewers"/>.
/// </summary>
public sealed record ComparisonRow(
    string Item,
    string Text,
    ReviewDecision? DecisionA,
    ReviewDecision? DecisionB,
    ReviewAddition? AddedA,
    ReviewAddition? AddedB,
    bool Agree);
