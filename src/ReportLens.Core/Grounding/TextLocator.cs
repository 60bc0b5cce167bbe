using ReportLens.Core.Annotations;

namespace ReportLens.Core.Grounding;

/// <summary>
/// Finds an item's text in one report: exact (ordinal) first, then over normalised text, then a fuzzy
/// alignment. Where the text occurs more than once the occurrence nearest the claimed offset wins.
/// Build one per report and reuse it for all of that report's items: the normalised form is computed once.
/// </summary>
public sealed class TextLocator(string report, TextLocatorOptions? options = null)
{
    private readonly TextLocatorOptions _options = options ?? TextLocatorOptions.Default;
    private NormalizedText? _normalized;
    private int[]? _pairsBefore;
    private bool _pairsComputed;

    public string Report { get; } = report;

    public static SpanGrounding Locate(string report, string? text, int? hint = null) =>
        new TextLocator(report).Locate(text, hint);

    /// <summary>Locates <paramref name="text"/>; <paramref name="hint"/> is the UTF-16 offset the engine claimed.</summary>
    public SpanGrounding Locate(string? text, int? hint = null) => Locate(text, hint, CancellationToken.None);

    /// <summary>As <see cref="Locate(string?, int?)"/>, checking <paramref name="ct"/> during the fuzzy alignment.</summary>
    public SpanGrounding Locate(string? text, int? hint, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SpanGrounding.NotFound;
        }

        // The rules engine's items carry their own offsets: the text found right there is the nearest occurrence,
        // with no scan from the report's start (a scan per item made grounding grow with items × report length).
        if (hint is { } h && h >= 0 && h + text.Length <= Report.Length && Report.AsSpan(h, text.Length).SequenceEqual(text))
        {
            return Build(GroundingMatch.Exact, 1.0, h, h + text.Length);
        }

        var exact = NearestOccurrence(Report, text, hint, static i => i);
        if (exact >= 0)
        {
            return Build(GroundingMatch.Exact, 1.0, exact, exact + text.Length);
        }

        var needle = TextNormalizer.Normalize(text);
        if (needle.Length == 0)
        {
            return SpanGrounding.NotFound;
        }

        var normalized = _normalized ??= new NormalizedText(Report);
        var index = NearestOccurrence(normalized.Text, needle, hint, normalized.SourceStart);
        if (index >= 0)
        {
            return Build(GroundingMatch.Normalized, 1.0, normalized.SourceStart(index), normalized.SourceEnd(index + needle.Length));
        }

        return LocateFuzzy(normalized, needle, hint, ct);
    }

    private SpanGrounding LocateFuzzy(NormalizedText normalized, string needle, int? hint, CancellationToken ct)
    {
        var haystack = normalized.Text;
        var maxDistance = (int)Math.Floor((1 - _options.FuzzyThreshold) * needle.Length);
        if (maxDistance < 1 || needle.Length > _options.MaxFuzzyLength || haystack.Length == 0 || needle.Length > haystack.Length + maxDistance)
        {
            return SpanGrounding.NotFound;
        }

        var windows = (long)needle.Length * haystack.Length <= _options.FuzzyCellBudget
            ? [(0, haystack.Length)]
            : FuzzyAligner.CandidateWindows(needle, haystack, maxDistance, _options.FuzzyCellBudget, ct);

        (int Start, int End, double Score)? chosen = null;
        foreach (var (from, to) in windows)
        {
            foreach (var (start, end, distance) in FuzzyAligner.Best(needle, haystack, from, to, maxDistance, ct))
            {
                var score = 1 - (distance / (double)Math.Max(needle.Length, end - start));
                if (score + 1e-9 >= _options.FuzzyThreshold && IsBetter(normalized, (start, end, score), chosen, hint))
                {
                    chosen = (start, end, score);
                }
            }
        }

        return chosen is { } c
            ? Build(GroundingMatch.Fuzzy, Math.Round(c.Score, 4), normalized.SourceStart(c.Start), normalized.SourceEnd(c.End))
            : SpanGrounding.NotFound;
    }

    private static bool IsBetter(NormalizedText normalized, (int Start, int End, double Score) candidate, (int Start, int End, double Score)? current, int? hint)
    {
        if (current is not { } c)
        {
            return true;
        }

        if (Math.Abs(candidate.Score - c.Score) > 1e-9)
        {
            return candidate.Score > c.Score;
        }

        var candidateStart = normalized.SourceStart(candidate.Start);
        var currentStart = normalized.SourceStart(c.Start);
        var target = hint ?? 0;
        var candidateDistance = Math.Abs(candidateStart - target);
        var currentDistance = Math.Abs(currentStart - target);
        return candidateDistance != currentDistance ? candidateDistance < currentDistance : candidateStart < currentStart;
    }

    /// <summary>The occurrence whose original offset is nearest the hint (the first one without a hint); −1 if none.</summary>
    private static int NearestOccurrence(string haystack, string needle, int? hint, Func<int, int> toOriginal)
    {
        var bestIndex = -1;
        var bestDistance = int.MaxValue;
        var target = hint ?? 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            var distance = Math.Abs(toOriginal(i) - target);
            if (distance >= bestDistance)
            {
                break;
            }

            bestIndex = i;
            bestDistance = distance;
            if (i + 1 >= haystack.Length)
            {
                break;
            }
        }

        return bestIndex;
    }

    /// <summary>The exact grounding of a span the caller took from the report itself (the rules engine's spans).</summary>
    public SpanGrounding Exact(int start, int end) => Build(GroundingMatch.Exact, 1.0, start, end);

    private SpanGrounding Build(GroundingMatch match, double score, int start, int end) => new()
    {
        Match = match,
        Score = score,
        Start = start,
        End = end,
        CodePointStart = ToCodePoint(start),
        CodePointEnd = ToCodePoint(end),
        SourceText = Report[start..end],
    };

    /// <summary>Code points before a UTF-16 offset: the offset less the surrogate pairs wholly before it.</summary>
    public int ToCodePoint(int utf16Offset)
    {
        if (!_pairsComputed)
        {
            _pairsBefore = CountPairs(Report);
            _pairsComputed = true;
        }

        return _pairsBefore is null ? utf16Offset : utf16Offset - _pairsBefore[utf16Offset];
    }

    private static int[]? CountPairs(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') < 0)
        {
            return null;
        }

        var pairs = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            var pairEndsHere = i > 0 && char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]);
            pairs[i + 1] = pairs[i] + (pairEndsHere ? 1 : 0);
        }

        return pairs;
    }
}
