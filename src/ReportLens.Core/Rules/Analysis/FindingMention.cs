using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// A finding term in a clause, with the cues that negate it or make it uncertain (null when none) and the change
/// a modifier before it makes to its severity ("少量", "mild" −1; "大量", "severe" +1).
/// </summary>
internal sealed record FindingMention(PhraseHit Hit, TextUnit Clause, PhraseHit? NegationCue, PhraseHit? UncertaintyCue, int SeverityChange = 0,
    bool OutOfCriticalContext = false)
{
    private const int MostSevereNonCritical = 3;

    public bool Negated => NegationCue is not null;
    public bool Uncertain => UncertaintyCue is not null;

    /// <summary>Raised only as a possibility to check or a limit of the exam ("limited for evaluation of", "建议…除外").</summary>
    public bool Hypothetical => UncertaintyCue?.Entry.Label == "hypothetical";

    /// <summary>
    /// A critical term (critical.tsv) stays critical whatever its modifier: a small pneumothorax is still a
    /// pneumothorax; one critical only in a context (脊髓受压 with a fracture) is severe without it.
    /// </summary>
    public bool Critical => Hit.Entry.Value >= PhraseEntry.CriticalSeverity && !OutOfCriticalContext;

    public int Severity => Critical ? Hit.Entry.Value : Math.Clamp(Hit.Entry.Value + SeverityChange, 1, MostSevereNonCritical);
}
