using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Merging;

/// <summary>
/// Pairs LLM items with rules items one to one: two items pair when their grounded spans overlap or their
/// normalised texts are equal (when either has no span). Largest overlap pairs first, so the result does not depend on item order.
/// </summary>
internal static class ItemPairing
{
    public sealed record Key(SpanGrounding? Grounding, string Text);

    /// <summary>For each LLM item, the index of its rules partner or −1.</summary>
    public static int[] Pair<TL, TR>(
        IReadOnlyList<TL> llm, IReadOnlyList<TR> rules, Func<TL, Key> llmKey, Func<TR, Key> rulesKey, Func<TL, TR, bool> compatible,
        CancellationToken ct = default)
    {
        var candidates = new List<(int Llm, int Rules, int Weight)>();
        var rulesKeys = new RulesIndex(rules.Select(r => new PairKey(rulesKey(r))).ToArray());
        for (var i = 0; i < llm.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var l = new PairKey(llmKey(llm[i]));
            foreach (var j in rulesKeys.Candidates(l))
            {
                var weight = Weight(l, rulesKeys.Keys[j]);
                if (weight > 0 && compatible(llm[i], rules[j]))
                {
                    candidates.Add((i, j, weight));
                }
            }
        }

        candidates.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight)
            : a.Llm != b.Llm ? a.Llm.CompareTo(b.Llm) : a.Rules.CompareTo(b.Rules));
        var partner = Enumerable.Repeat(-1, llm.Count).ToArray();
        var taken = new bool[rules.Count];
        foreach (var (i, j, _) in candidates)
        {
            if (partner[i] < 0 && !taken[j])
            {
                partner[i] = j;
                taken[j] = true;
            }
        }

        return partner;
    }

    /// <summary>Paired items that agree become one "both" item (the LLM's wording, combined with what the rules add); everything else is kept with its source.</summary>
    public static (List<T> Items, int Agreed) Merge<T>(
        IReadOnlyList<T> llm,
        IReadOnlyList<T> rules,
        Func<T, Key> key,
        Func<T, T, bool> agree,
        Func<T, string, bool, T> mark,
        Func<T, T, T> combine,
        Action<T, T> onPair,
        Func<T, T, bool>? compatible = null,
        CancellationToken ct = default)
    {
        var partner = Pair(llm, rules, key, key, compatible ?? (static (_, _) => true), ct);
        var items = new List<T>();
        var rulesAgreed = new bool[rules.Count];
        for (var i = 0; i < llm.Count; i++)
        {
            var isAgreed = partner[i] >= 0 && agree(llm[i], rules[partner[i]]);
            if (partner[i] >= 0)
            {
                onPair(llm[i], rules[partner[i]]);
                rulesAgreed[partner[i]] = isAgreed;
            }

            items.Add(isAgreed ? mark(combine(llm[i], rules[partner[i]]), Sources.Both, true) : mark(llm[i], Sources.Llm, false));
        }

        items.AddRange(rules.Where((_, j) => !rulesAgreed[j]).Select(r => mark(r, Sources.Rules, false)));
        return (items, rulesAgreed.Count(a => a));
    }

    /// <summary>Agreed pairs ÷ distinct items (|L| + |R| − agreed); 1.0 when both lists are empty.</summary>
    public static double Ratio(int agreed, int llmCount, int rulesCount)
    {
        var union = llmCount + rulesCount - agreed;
        return union == 0 ? 1.0 : agreed / (double)union;
    }

    // Grounded items pair by the report characters they share; only an item without a span falls back to its words.
    private static int Weight(PairKey a, PairKey b)
    {
        if (a.Start >= 0 && b.Start >= 0)
        {
            return Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
        }

        return a.Text.Length > 0 && a.Text == b.Text ? a.Text.Length : 0;
    }

    /// <summary>
    /// The rules items an LLM item can have weight with, without comparing every pair (items grow with the report):
    /// spanned items by start offset, so only those that can overlap are looked at, and items by normalised text
    /// for pairs where either side has no span.
    /// </summary>
    private sealed class RulesIndex
    {
        private readonly int[] _byStart;
        private readonly int _longestSpan;
        private Dictionary<string, List<int>>? _allByText;
        private Dictionary<string, List<int>>? _unspannedByText;

        public RulesIndex(PairKey[] keys)
        {
            Keys = keys;
            _byStart = [.. Enumerable.Range(0, keys.Length).Where(j => keys[j].Start >= 0).OrderBy(j => keys[j].Start)];
            _longestSpan = _byStart.Length == 0 ? 0 : _byStart.Max(j => keys[j].End - keys[j].Start);
        }

        public PairKey[] Keys { get; }

        public IEnumerable<int> Candidates(PairKey llm)
        {
            if (llm.Start < 0)
            {
                return ByText(_allByText ??= Group(Enumerable.Range(0, Keys.Length)), llm);
            }

            return Overlapping(llm).Concat(ByText(_unspannedByText ??= Group(Enumerable.Range(0, Keys.Length).Where(j => Keys[j].Start < 0)), llm));
        }

        // A rules span overlapping [start, end) starts before end and no earlier than start − the longest span.
        private IEnumerable<int> Overlapping(PairKey llm)
        {
            var from = LowerBound(llm.Start - _longestSpan);
            for (var k = from; k < _byStart.Length && Keys[_byStart[k]].Start < llm.End; k++)
            {
                yield return _byStart[k];
            }
        }

        private int LowerBound(int start)
        {
            int lo = 0, hi = _byStart.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Keys[_byStart[mid]].Start < start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }

        private static IEnumerable<int> ByText(Dictionary<string, List<int>> index, PairKey llm) =>
            llm.Text.Length > 0 && index.TryGetValue(llm.Text, out var list) ? list : [];

        private Dictionary<string, List<int>> Group(IEnumerable<int> indices)
        {
            var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var j in indices)
            {
                var text = Keys[j].Text;
                if (text.Length > 0)
                {
                    if (!index.TryGetValue(text, out var list))
                    {
                        index[text] = list = [];
                    }

                    list.Add(j);
                }
            }

            return index;
        }
    }

    /// <summary>A key's span (−1 without one) and its normalised text, computed only when a pair without a span compares it.</summary>
    private sealed class PairKey
    {
        private readonly string _raw;
        private string? _normalized;

        public PairKey(Key key)
        {
            (Start, End) = key.Grounding is { Ungrounded: false, Start: { } s, End: { } e } ? (s, e) : (-1, -1);
            _raw = key.Text;
        }

        public int Start { get; }
        public int End { get; }
        public string Text => _normalized ??= TextNormalizer.Normalize(_raw);
    }
}
