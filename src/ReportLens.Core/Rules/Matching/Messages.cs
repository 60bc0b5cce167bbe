using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ReportLens.Core.Rules.Matching;

/// <summary>Reason and evidence templates of one language (messages.tsv: key, composite format string).</summary>
internal sealed class Messages
{
    // Parsed once: every highlight item formats a reason, and re-parsing the template each time was a measurable
    // share of the builder's cost.
    private readonly FrozenDictionary<string, CompositeFormat> _templates;

    public Messages(IReadOnlyDictionary<string, string> templates)
    {
        _templates = templates.ToFrozenDictionary(p => p.Key, p => CompositeFormat.Parse(p.Value), StringComparer.Ordinal);
    }

    public string Format(string key) => string.Format(CultureInfo.InvariantCulture, Template(key));

    public string Format<T0>(string key, T0 arg0) => string.Format(CultureInfo.InvariantCulture, Template(key), arg0);

    public string Format<T0, T1>(string key, T0 arg0, T1 arg1) => string.Format(CultureInfo.InvariantCulture, Template(key), arg0, arg1);

    public string Format<T0, T1, T2>(string key, T0 arg0, T1 arg1, T2 arg2) =>
        string.Format(CultureInfo.InvariantCulture, Template(key), arg0, arg1, arg2);

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Template(key), args);

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

    private CompositeFormat Template(string key) =>
        _templates.TryGetValue(key, out var template)
            ? template
            : throw new KeyNotFoundException($"Rules message '{key}' is missing from messages.tsv.");
}
