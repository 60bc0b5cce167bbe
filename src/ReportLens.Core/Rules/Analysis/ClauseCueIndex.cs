using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// The cues of one clause with, for every position, the nearest cue of each role before and after it, so a
/// finding's scope is answered in logarithmic time instead of by scanning every cue of the clause (and every cue
/// again for a stop word between): one long clause without punctuation made that cubic. Cues of one kind never
/// overlap (<see cref="LexiconMatches"/>), so starts and ends both grow along the list.
/// </summary>
internal sealed class ClauseCueIndex
{
    private static readonly string[] Kinds = ["negation", "uncertainty", "hypothetical"];

    private readonly List<PhraseHit> _cues;
    private readonly int[][] _previousPre;
    private readonly int[][] _nextPost;
    private readonly int[] _previousStop;
    private readonly int[] _nextStopForPost;

    public ClauseCueIndex(List<PhraseHit> cues)
    {
        _cues = cues;
        var n = cues.Count;
        _previousPre = [new int[n], new int[n], new int[n]];
        _nextPost = [new int[n + 1], new int[n + 1], new int[n + 1]];
        _previousStop = new int[n];
        _nextStopForPost = new int[n + 1];
        for (var k = 0; k < Kinds.Length; k++)
        {
            var last = -1;
            for (var i = 0; i < n; i++)
            {
                last = cues[i].Entry.Label == Kinds[k] && cues[i].Entry.Flags is "pre" or "both" ? i : last;
                _previousPre[k][i] = last;
            }

            _nextPost[k][n] = n;
            for (var i = n - 1; i >= 0; i--)
            {
                _nextPost[k][i] = cues[i].Entry.Label == Kinds[k] && cues[i].Entry.Flags is "post" or "both" ? i : _nextPost[k][i + 1];
            }
        }

        var lastStop = -1;
        for (var i = 0; i < n; i++)
        {
            lastStop = EndsPreScope(cues[i].Entry) ? i : lastStop;
            _previousStop[i] = lastStop;
        }

        _nextStopForPost[n] = n;
        for (var i = n - 1; i >= 0; i--)
        {
            _nextStopForPost[i] = cues[i].Entry.Label == "stop" && cues[i].Entry.Flags != "pre" ? i : _nextStopForPost[i + 1];
        }
    }

    /// <summary>A stop word, or a coordinator marked "pre" ("with"), ends the scope of a pre-cue before it.</summary>
    public static bool EndsPreScope(PhraseEntry cue) => cue.Label == "stop" || (cue.Label == "coordinator" && cue.Flags == "pre");

    /// <summary>
    /// The cue of <paramref name="kind"/> whose scope holds the finding: one containing it; else the nearest pre-cue
    /// before it with no stop word between; else the nearest post-cue after it with no stop word (other than a
    /// pre-only one) between; null when none.
    /// </summary>
    public PhraseHit? Scope(PhraseHit finding, string kind)
    {
        var k = Array.IndexOf(Kinds, kind);
        var n = _cues.Count;
        var first = HitSearch.FirstAtOrAfter(_cues, finding.Start);
        foreach (var i in (ReadOnlySpan<int>)[first - 1, first])
        {
            if (i >= 0 && i < n && _cues[i] is var cue && cue.Entry.Label == kind && cue.Start <= finding.Start && cue.End >= finding.End)
            {
                return cue;
            }
        }

        if (first > 0 && _previousPre[k][first - 1] is var pre and >= 0 && _cues[pre].End <= finding.End)
        {
            // A stop word wholly between the cue and the finding ends the scope.
            var lastBefore = _cues[first - 1].End <= finding.Start ? first - 1 : first - 2;
            if (lastBefore <= pre || _previousStop[lastBefore] <= pre)
            {
                return _cues[pre];
            }
        }

        var post = _nextPost[k][first];
        while (post < n && _cues[post].End <= finding.End)
        {
            post = _nextPost[k][post + 1];
        }

        var stop = _nextStopForPost[HitSearch.FirstAtOrAfter(_cues, finding.End)];
        return post < n && stop >= post ? _cues[post] : null;
    }
}
