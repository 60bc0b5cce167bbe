namespace ReportLens.Core.Rules.Matching;

/// <summary>A lexicon match: UTF-16 offsets into the report and the entry it matched.</summary>
internal readonly record struct PhraseHit(int Start, int End, PhraseEntry Entry)
{
    public int Length => End - Start;

    public string TextOf(string report) => report[Start..End];
}
