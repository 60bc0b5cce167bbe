namespace ReportLens.Core.Grounding;

/// <summary>
/// Approximate substring search (Sellers' semi-global edit distance): the needle must be matched whole, the
/// haystack window may start and end anywhere. Linear memory; time is needle length × window length, so callers
/// bound the window (see <see cref="CandidateWindows"/>).
/// </summary>
internal static class FuzzyAligner
{
    private const int MaxPositionsPerBigram = 4;

    // The token is checked once per 4,096 report characters: often enough to stop within milliseconds, rarely enough to cost nothing.
    private const int CheckEvery = 4095;

    /// <summary>The alignments of least edit distance (at most <paramref name="maxDistance"/>) in haystack[from..to).</summary>
    public static List<(int Start, int End, int Distance)> Best(string needle, string haystack, int from, int to, int maxDistance, CancellationToken ct = default)
    {
        var m = needle.Length;
        var cost = new int[m + 2];
        var origin = new int[m + 2];
        var nextCost = new int[m + 2];
        var nextOrigin = new int[m + 2];
        for (var i = 0; i <= m; i++)
        {
            cost[i] = Math.Min(i, maxDistance + 1);
            origin[i] = from;
        }

        // Ukkonen's cut-off: rows below the last one within maxDistance cannot come back under it, so each
        // column is computed only down to one row past the last active row (expected O(k) rows, not m).
        var lastActive = Math.Min(maxDistance, m);
        cost[lastActive + 1] = maxDistance + 1;
        var best = new List<(int Start, int End, int Distance)>();
        var bestDistance = maxDistance;
        for (var j = from; j < to; j++)
        {
            if (((j - from) & CheckEvery) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var h = haystack[j];
            var top = Math.Min(lastActive + 1, m);
            nextCost[0] = 0;
            nextOrigin[0] = j + 1;
            for (var i = 1; i <= top; i++)
            {
                var value = cost[i - 1] + (needle[i - 1] == h ? 0 : 1);
                var start = origin[i - 1];
                if (cost[i] + 1 < value)
                {
                    value = cost[i] + 1;
                    start = origin[i];
                }

                if (nextCost[i - 1] + 1 < value)
                {
                    value = nextCost[i - 1] + 1;
                    start = nextOrigin[i - 1];
                }

                nextCost[i] = value;
                nextOrigin[i] = start;
            }

            nextCost[top + 1] = maxDistance + 1;
            lastActive = top;
            while (lastActive > 0 && nextCost[lastActive] > maxDistance)
            {
                lastActive--;
            }

            if (lastActive == m && nextCost[m] <= bestDistance && nextOrigin[m] < j + 1)
            {
                if (nextCost[m] < bestDistance)
                {
                    best.Clear();
                    bestDistance = nextCost[m];
                }

                best.Add((nextOrigin[m], j + 1, nextCost[m]));
            }

            (cost, nextCost) = (nextCost, cost);
            (origin, nextOrigin) = (nextOrigin, origin);
        }

        return best;
    }

    /// <summary>
    /// Haystack windows that can hold an alignment within <paramref name="maxDistance"/> edits, found by the
    /// q-gram lemma on bigrams (such an alignment shares at least m − 1 − 2k bigrams with the needle on nearby
    /// diagonals). Independent of any hint, so grounding stays deterministic; the best-voted window is always kept,
    /// the next ones until <paramref name="cellBudget"/> DP cells are spent.
    /// </summary>
    public static List<(int From, int To)> CandidateWindows(string needle, string haystack, int maxDistance, long cellBudget, CancellationToken ct = default)
    {
        var m = needle.Length;
        var positions = new Dictionary<int, List<int>>();
        var counted = 0;
        for (var i = 0; i + 1 < m; i++)
        {
            var key = (needle[i] << 16) | needle[i + 1];
            if (!positions.TryGetValue(key, out var list))
            {
                positions[key] = list = [];
            }

            // A bigram repeated all through the needle would make voting quadratic; a few positions suffice.
            if (list.Count < MaxPositionsPerBigram)
            {
                list.Add(i);
                counted++;
            }
        }

        var bucketSize = (2 * maxDistance) + 1;
        var votes = new Dictionary<int, int>();
        for (var p = 0; p + 1 < haystack.Length; p++)
        {
            if ((p & CheckEvery) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (positions.TryGetValue((haystack[p] << 16) | haystack[p + 1], out var list))
            {
                foreach (var i in list)
                {
                    var bucket = (int)Math.Floor((p - i) / (double)bucketSize);
                    votes[bucket] = votes.GetValueOrDefault(bucket) + 1;
                }
            }
        }

        // Each edit destroys at most two of the counted bigram occurrences.
        var minVotes = Math.Max(1, counted - (2 * maxDistance));
        var candidates = new List<(int Bucket, int Votes)>();
        foreach (var (bucket, count) in votes)
        {
            var pair = count + votes.GetValueOrDefault(bucket + 1);
            if (pair >= minVotes)
            {
                candidates.Add((bucket, pair));
            }
        }

        candidates.Sort((a, b) => a.Votes != b.Votes ? b.Votes.CompareTo(a.Votes) : a.Bucket.CompareTo(b.Bucket));
        var windows = new List<(int From, int To)>();
        long spent = 0;
        foreach (var (bucket, _) in candidates)
        {
            var from = Math.Max(0, (bucket * bucketSize) - maxDistance);
            var to = Math.Min(haystack.Length, ((bucket + 2) * bucketSize) + m + maxDistance);
            spent += (long)(to - from) * m;
            if (spent > cellBudget && windows.Count > 0)
            {
                break;
            }

            windows.Add((from, to));
        }

        return windows;
    }
}
