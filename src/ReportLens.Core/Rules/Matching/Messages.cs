using System.Globalization;

namespace ReportLens.Core.Rules.Matching;

/// <summary>Reason and evidence templates of one language (messages.tsv: key, composite format string).</summary>
internal sealed class Messages(IReadOnlyDictionary<string, string> templates)
{
    public string Format(string key, params object?[] args) =>
        templates.TryGetValue(key, out var template)
            ? string.Format(CultureInfo.InvariantCulture, template, args)
            : throw new KeyNotFoundException($"Rules message '{key}' is missing from messages.tsv.");

    /// <summary>Joins items with the language's list separator, or "none" when there are none.</summary>
    public string Join(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return Format("list.none");
        }

        var joined = items[0];
        for (var i = 1; i < items.Count; i++)
        {
            joined = Format("list.join", joined, items[i]);
        }

        return joined;
    }
}
