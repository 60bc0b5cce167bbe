using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>The structure of a report: lexicon matches, sections, sentences, clauses and locations.</summary>
internal sealed record ReportAnalysisParts(
    string Text,
    LexiconMatches Matches,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<TextUnit> Sentences,
    IReadOnlyList<TextUnit> Clauses,
    IReadOnlyList<LocationMention> Locations)
{
    /// <summary>Index of the sentence holding the offset, or -1 between sentences.</summary>
    public int SentenceIndexAt(int offset) => IndexAt(Sentences, offset);

    public TextUnit? ClauseAt(int offset) => IndexAt(Clauses, offset) is var i and >= 0 ? Clauses[i] : null;

    public TextUnit? SentenceAt(int offset) => IndexAt(Sentences, offset) is var i and >= 0 ? Sentences[i] : null;

    private static int IndexAt(IReadOnlyList<TextUnit> units, int offset)
    {
        int lo = 0, hi = units.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var unit = units[mid];
            if (offset < unit.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= unit.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
