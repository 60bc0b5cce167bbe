namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// The matches of one report, resolved per lexicon kind leftmost-longest without overlaps (so "不除外" wins over
/// "除外", "tension pneumothorax" over "pneumothorax"). Lists are ordered by start.
/// </summary>
internal sealed class LexiconMatches
{
    private static readonly int KindCount = Enum.GetValues<PhraseKind>().Length;
    private readonly List<PhraseHit>[] _byKind;

    public LexiconMatches(List<PhraseHit> hits)
    {
        _byKind = new List<PhraseHit>[KindCount];
        var lastEnd = new int[KindCount];
        for (var k = 0; k < KindCount; k++)
        {
            _byKind[k] = [];
        }

        var i = 0;
        while (i < hits.Count)
        {
            var start = hits[i].Start;
            var groupEnd = i;
            while (groupEnd < hits.Count && hits[groupEnd].Start == start)
            {
                groupEnd++;
            }

            for (var k = 0; k < KindCount; k++)
            {
                if (start < lastEnd[k] || Best(hits, i, groupEnd, (PhraseKind)k) is not { } best)
                {
                    continue;
                }

                _byKind[k].Add(best);
                lastEnd[k] = best.End;
            }

            i = groupEnd;
        }
    }

    public IReadOnlyList<PhraseHit> Of(PhraseKind kind) => _byKind[(int)kind];

    private static PhraseHit? Best(List<PhraseHit> hits, int from, int to, PhraseKind kind)
    {
        PhraseHit? best = null;
        for (var i = from; i < to; i++)
        {
            var hit = hits[i];
            if (hit.Entry.Kind != kind)
            {
                continue;
            }

            if (best is not { } b || hit.Length > b.Length
                || (hit.Length == b.Length && hit.Entry.Text.Length > b.Entry.Text.Length))
            {
                best = hit;
            }
        }

        return best;
    }
}
