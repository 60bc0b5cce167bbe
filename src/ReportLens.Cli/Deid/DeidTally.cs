using ReportLens.Core.Deidentification;

namespace ReportLens.Cli.Deid;

/// <summary>What a run replaced, by type, and which structured fields it copied as they were.</summary>
public sealed class DeidTally
{
    private readonly SortedDictionary<string, int> _byType = new(StringComparer.Ordinal);

    public int Reports { get; private set; }
    public SortedSet<string> CopiedFields { get; } = new(StringComparer.Ordinal);

    public void Add(DeidResult result)
    {
        Reports++;
        foreach (var replacement in result.Replacements)
        {
            var code = replacement.Original.Type.ToCode();
            _byType[code] = _byType.GetValueOrDefault(code) + 1;
        }
    }

    public string Summary()
    {
        var total = _byType.Values.Sum();
        var types = total == 0 ? "" : ": " + string.Join(", ", _byType.Select(t => $"{t.Key} {t.Value}"));
        return $"de-identified {Reports} report(s), {total} replacement(s){types}";
    }
}
