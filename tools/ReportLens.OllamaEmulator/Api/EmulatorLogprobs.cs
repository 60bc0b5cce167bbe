using System.Text;
using ReportLens.OllamaEmulator.Scheduling;
using ReportLens.OllamaEmulator.Wire;

namespace ReportLens.OllamaEmulator.Api;

/// <summary>
/// Token log-probabilities for a reply, one per streamed piece: the model is sure (p 0.98) of every token, except
/// those of an item — the JSON object around it — whose text holds a word named by an <c>unsure:WORD</c> fault (p 0.35).
/// </summary>
internal static class EmulatorLogprobs
{
    public const double Sure = 0.98;
    public const double Unsure = 0.35;

    public static IReadOnlyList<LogprobEntry> For(string content, IReadOnlyList<string> unsureWords)
    {
        var unsure = UnsureRanges(content, unsureWords);
        var entries = new List<LogprobEntry>();
        var at = 0;
        foreach (var piece in TokenEstimator.Pieces(content))
        {
            var end = at + piece.Length;
            var low = unsure.Any(r => at < r.End && r.Start < end);
            entries.Add(new LogprobEntry(piece, Math.Log(low ? Unsure : Sure), [.. Encoding.UTF8.GetBytes(piece).Select(b => (int)b)]));
            at = end;
        }

        return entries;
    }

    private static List<(int Start, int End)> UnsureRanges(string content, IReadOnlyList<string> words)
    {
        var ranges = new List<(int, int)>();
        foreach (var word in words.Where(w => w.Length > 0))
        {
            for (var i = content.IndexOf(word, StringComparison.Ordinal); i >= 0; i = content.IndexOf(word, i + word.Length, StringComparison.Ordinal))
            {
                var start = content.LastIndexOf('{', i);
                var end = content.IndexOf('}', i);
                if (start > 0 && end > i)
                {
                    ranges.Add((start, end + 1));
                }
            }
        }

        return ranges;
    }
}
