using System.Reflection;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// A language's critical findings (危急值), read from critical.tsv: the one place that says which findings make a
/// report 危急. Columns: term, category, source, and optionally the words one of which the term's sentence must
/// contain for it to be critical there ("脊髓受压" after a fracture, not in a degenerative spine).
/// </summary>
internal sealed class CriticalList
{
    private readonly Dictionary<string, (IReadOnlyList<string>? OnlyWith, string Category)> _terms;

    private CriticalList(Dictionary<string, (IReadOnlyList<string>? OnlyWith, string Category)> terms) => _terms = terms;

    public IEnumerable<string> Terms => _terms.Keys;

    public static CriticalList Read(Assembly assembly, string resource)
    {
        var terms = new Dictionary<string, (IReadOnlyList<string>? OnlyWith, string Category)>(StringComparer.Ordinal);
        foreach (var row in EmbeddedText.ReadRows(assembly, resource, minColumns: 3))
        {
            IReadOnlyList<string>? onlyWith = row.Length > 3 && row[3].Trim().Length > 0
                ? [.. row[3].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(TextFold.Fold)]
                : null;
            terms[TextFold.Fold(row[0])] = (onlyWith, row[1].Trim());
        }

        return new CriticalList(terms);
    }

    /// <summary>
    /// The finding entry as the critical list has it: critical (with its context, if any) when listed, otherwise
    /// capped below critical, so a severity 4 left in findings.tsv no longer makes anything 危急 by itself.
    /// </summary>
    public PhraseEntry Apply(PhraseEntry finding)
    {
        if (finding.Label == "skip")
        {
            return finding;
        }

        return _terms.TryGetValue(TextFold.Fold(finding.Text), out var critical)
            ? finding with { Value = PhraseEntry.CriticalSeverity, CriticalOnlyWith = critical.OnlyWith, CriticalCategory = critical.Category }
            : finding with { Value = Math.Min(finding.Value, PhraseEntry.CriticalSeverity - 1) };
    }
}
