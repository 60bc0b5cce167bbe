using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>A finding term in a clause, with the cues that negate it or make it uncertain (null when none).</summary>
internal sealed record FindingMention(PhraseHit Hit, TextUnit Clause, PhraseHit? NegationCue, PhraseHit? UncertaintyCue)
{
    public bool Negated => NegationCue is not null;
    public bool Uncertain => UncertaintyCue is not null;
    public int Severity => Hit.Entry.Value;
    public bool Critical => Severity >= 4;
}
