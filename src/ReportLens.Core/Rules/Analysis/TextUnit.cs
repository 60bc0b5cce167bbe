namespace ReportLens.Core.Rules.Analysis;

/// <summary>A sentence or a clause: trimmed UTF-16 span, the section it is in and (for clauses) its sentence.</summary>
internal sealed record TextUnit(int Start, int End, ReportSection Section, int Sentence)
{
    public int Length => End - Start;

    public bool Contains(int start, int end) => start >= Start && end <= End;
}
