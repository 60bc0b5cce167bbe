namespace ReportLens.Core.Text;

/// <summary>A piece of a long report: UTF-16 offsets into the whole text.</summary>
public readonly record struct ReportChunk(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Cuts a report that is too long for one model call into chunks of at most <c>maxChars</c>, on sentence boundaries
/// (ending a chunk at a section start once it is half full), each chunk repeating the sentences of the previous
/// one's last <c>overlapChars</c> so a statement cut at a boundary is whole in one of them. A single sentence longer
/// than a chunk is cut where it must be.
/// </summary>
public static class ReportChunker
{
    public static IReadOnlyList<ReportChunk> Chunk(string text, ReportLanguage language, int maxChars, int overlapChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length <= maxChars)
        {
            return [new ReportChunk(0, text.Length)];
        }

        var sentences = ReportSentences.Split(text, language);
        // Text the splitter finds no sentence in is cut into plain slices.
        var units = Units(sentences.Count > 0 ? sentences : [new ReportSentence(0, text.Length, true)], maxChars);
        var chunks = new List<ReportChunk>();
        var first = 0;
        var start = 0;
        while (first < units.Count)
        {
            var last = first;
            // One character is kept for the sentence's closing mark, which the splitter leaves out of its span.
            while (last + 1 < units.Count && units[last + 1].End + 1 - start <= maxChars
                && !(units[last + 1].StartsSection && units[last + 1].Start - start >= maxChars / 2))
            {
                last++;
            }

            var end = last + 1 < units.Count ? WithClosingMark(text, units[last].End, units[last + 1].Start) : text.Length;
            chunks.Add(new ReportChunk(start, end));
            if (last + 1 >= units.Count)
            {
                break;
            }

            // Step back over the sentences that fit in the overlap, but always move forward.
            var next = last + 1;
            while (next - 1 > first && units[last].End - units[next - 1].Start <= overlapChars)
            {
                next--;
            }

            first = next;
            start = units[first].Start;
        }

        return chunks;
    }

    /// <summary>The end of a sentence with its closing mark (". " → after the "."), never into the next sentence.</summary>
    private static int WithClosingMark(string text, int end, int next)
    {
        while (end < next && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    private static List<ReportSentence> Units(IReadOnlyList<ReportSentence> sentences, int maxChars)
    {
        var units = new List<ReportSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            for (var from = s.Start; from < s.End; from += maxChars)
            {
                units.Add(new ReportSentence(from, Math.Min(s.End, from + maxChars), s.StartsSection && from == s.Start));
            }
        }

        return units;
    }
}
