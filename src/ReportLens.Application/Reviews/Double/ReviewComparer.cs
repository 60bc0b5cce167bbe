namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// Compares two reviewers' records of one annotation item by item. Two decisions agree when decision, corrected text
/// and corrected attributes are the same; two added items are the same item when list and UTF-16 span are, and agree
/// when their attributes are too; an item only one reviewer added is a disagreement.
/// </summary>
public static class ReviewComparer
{
    public const string AddedPrefix = "added/";

    public static string KeyOf(ReviewAddition added) => $"{AddedPrefix}{added.List}/{added.Start}-{added.End}";

    public static IReadOnlyList<ComparisonRow> Rows(IReadOnlyList<KeyValuePair<string, string>> items, ReviewRecord a, ReviewRecord b)
    {
        var rows = items.Select(item =>
        {
            var da = a.Items.GetValueOrDefault(item.Key);
            var db = b.Items.GetValueOrDefault(item.Key);
            return new ComparisonRow(item.Key, item.Value, da, db, null, null, SameDecision(da, db));
        }).ToList();
        var addedA = a.AddedItems.ToDictionary(KeyOf);
        var addedB = b.AddedItems.ToDictionary(KeyOf);
        foreach (var key in addedA.Keys.Union(addedB.Keys).Order(StringComparer.Ordinal))
        {
            var x = addedA.GetValueOrDefault(key);
            var y = addedB.GetValueOrDefault(key);
            rows.Add(new ComparisonRow(key, (x ?? y)!.Text, null, null, x, y, x is not null && y is not null && x.Attributes == y.Attributes));
        }

        return rows;
    }

    public static bool SameDecision(ReviewDecision? a, ReviewDecision? b) =>
        a is not null && b is not null && a.Decision == b.Decision && a.Text == b.Text && (a.Attributes ?? new()) == (b.Attributes ?? new());

    /// <summary>The record both reviewers agree on: the agreed rows, with the first reviewer's stamps (ids of added items renumbered).</summary>
    public static ReviewRecord Agreed(IEnumerable<ComparisonRow> rows)
    {
        var agreed = rows.Where(r => r.Agree).ToList();
        return Build(agreed.Where(r => r.DecisionA is not null).Select(r => (r.Item, r.DecisionA!)),
            agreed.Where(r => r.AddedA is not null).Select(r => r.AddedA!));
    }

    public static ReviewRecord Build(IEnumerable<(string Item, ReviewDecision Decision)> decisions, IEnumerable<ReviewAddition> added) =>
        new(decisions.ToDictionary(d => d.Item, d => d.Decision), added.Select((x, i) => x with { Id = i + 1 }).ToList());
}
