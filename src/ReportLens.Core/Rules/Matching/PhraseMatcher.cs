using System.Collections.Frozen;

namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// A trie over every phrase of a language's lexicons, walked from each position of the report. Transitions are
/// one frozen hash table keyed by (node, folded char), so a step costs one lookup. Immutable and thread-safe.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly FrozenDictionary<long, int> _next;
    private readonly PhraseEntry[][] _outputs;

    public PhraseMatcher(IEnumerable<PhraseEntry> entries)
    {
        var next = new Dictionary<long, int>();
        var outputs = new List<List<PhraseEntry>> { new() };
        var seen = new HashSet<(PhraseKind, string)>();
        foreach (var entry in entries)
        {
            var folded = TextFold.Fold(entry.Text);
            if (folded.Length == 0 || !seen.Add((entry.Kind, folded)))
            {
                continue;
            }

            var node = 0;
            foreach (var c in folded)
            {
                var key = Key(node, c);
                if (!next.TryGetValue(key, out var child))
                {
                    child = outputs.Count;
                    outputs.Add([]);
                    next[key] = child;
                }

                node = child;
            }

            outputs[node].Add(entry);
        }

        _next = next.ToFrozenDictionary();
        _outputs = [.. outputs.Select(o => o.ToArray())];
    }

    /// <summary>Every match at every position, ordered by start then by length.</summary>
    public List<PhraseHit> FindAll(string text)
    {
        var hits = new List<PhraseHit>(64);
        for (var i = 0; i < text.Length; i++)
        {
            var afterWord = i > 0 && char.IsAsciiLetterOrDigit(TextFold.Fold(text[i - 1]));
            var node = 0;
            for (var j = i; j < text.Length; j++)
            {
                if (!_next.TryGetValue(Key(node, TextFold.Fold(text[j])), out node))
                {
                    break;
                }

                foreach (var entry in _outputs[node])
                {
                    if (Accept(text, entry, afterWord, j + 1) is var end and > 0)
                    {
                        hits.Add(new PhraseHit(i, end, entry));
                    }
                }
            }
        }

        return hits;
    }

    // An ASCII phrase must start and end on word boundaries; English stems run on to the end of their word.
    private static int Accept(string text, PhraseEntry entry, bool afterWord, int end)
    {
        var first = entry.Text[0];
        if (afterWord && char.IsAsciiLetterOrDigit(TextFold.Fold(first)))
        {
            return 0;
        }

        if (!char.IsAsciiLetterOrDigit(TextFold.Fold(entry.Text[^1])))
        {
            return end;
        }

        if (entry.ExtendWord)
        {
            var phraseEnd = end;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            // Finding stems come from CheXpert and may be cut anywhere ("atelecta"); a location or modality
            // takes only an inflection ("lobes", "radiographic"), so "disc" never reads "discussion".
            return entry.Kind is PhraseKind.Finding || end - phraseEnd <= MaxInflection ? end : 0;
        }

        return end < text.Length && char.IsAsciiLetterOrDigit(TextFold.Fold(text[end])) ? 0 : end;
    }

    private const int MaxInflection = 3;

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
