using ReportLens.Core.Deidentification.Detection;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Deidentification;

/// <summary>
/// Finds identifiers in a Chinese or English report: checked patterns (身份证号, phones, dates, ages over 89,
/// addresses, organisations), values after labels (住院号：, MRN, 姓名：, Dr., Signed by) and the hospital's
/// staff names. Deterministic: the same text gives the same spans. Thread-safe.
/// </summary>
public sealed class PhiDetector
{
    private static readonly Lazy<PhiLexicon> SharedLexicon = new(PhiLexiconLoader.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string[] _staffNames;

    /// <param name="staffNames">Names to find anywhere, besides those of Data/staff-names.txt.</param>
    public PhiDetector(IEnumerable<string>? staffNames = null)
    {
        _staffNames = [.. Lexicon.StaffNames.Concat(staffNames ?? []).Select(n => n.Trim()).Where(n => n.Length >= 2).Distinct()];
    }

    public static PhiDetector Default { get; } = new();

    internal static PhiLexicon Lexicon => SharedLexicon.Value;

    public IReadOnlyList<PhiSpan> Find(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<PhiCandidate>();
        foreach (var rule in Lexicon.Patterns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var match = rule.Regex.Match(text); match.Success; match = match.NextMatch())
            {
                var value = match.Groups["v"] is { Success: true } v ? v : match;
                var start = value.Index;
                if (PatternChecks.Pass(rule, match, text, Lexicon, ref start) && value.Index + value.Length > start)
                {
                    candidates.Add(new PhiCandidate(start, value.Index + value.Length, rule.Type, rule.Rule));
                }
            }
        }

        LabelledValues.Find(text, Lexicon, candidates);
        NameOccurrences.Find(text, _staffNames, "name.staff", candidates);
        var resolved = SpanResolver.Resolve(candidates);
        var names = resolved.Where(c => c.Type == PhiType.Name).Select(c => text[c.Start..c.End]).Distinct().ToList();
        if (names.Count > 0)
        {
            NameOccurrences.Find(text, names, "name.repeat", resolved);
            resolved = SpanResolver.Resolve(resolved);
        }

        var locator = new TextLocator(text);
        return [.. resolved.Select(c => new PhiSpan
        {
            Type = c.Type,
            Rule = c.Rule,
            Start = c.Start,
            End = c.End,
            CodePointStart = locator.ToCodePoint(c.Start),
            CodePointEnd = locator.ToCodePoint(c.End),
            Text = text[c.Start..c.End],
        })];
    }
}
