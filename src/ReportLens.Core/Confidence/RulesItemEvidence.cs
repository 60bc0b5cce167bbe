namespace ReportLens.Core.Confidence;

/// <summary>
/// What the rules engine knows about how it read one finding (see docs/confidence.md, "Rules items"); the input
/// of <see cref="RulesItemConfidence.Compute"/>.
/// </summary>
public sealed record RulesItemEvidence
{
    /// <summary>Words (English) or characters ÷ 2 (Chinese) between the negation or uncertainty cue and the term; 0 without a cue.</summary>
    public int CueDistance { get; init; }
    /// <summary>The finding is raised as a possibility (an uncertainty or hypothetical cue), not negated.</summary>
    public bool Uncertain { get; init; }
    /// <summary>The finding stands right after a scope terminator (but, however, 但…) in its clause.</summary>
    public bool AfterTerminator { get; init; }
    /// <summary>Share (0–1) of the clause's words that no lexicon entry covers.</summary>
    public double UnknownShare { get; init; }
    /// <summary>The same term is asserted in one of findings/impression and negated in the other.</summary>
    public bool ContradictsImpression { get; init; }
    /// <summary>The cue came from an earlier clause (a list carried on), or the clause mixes negated and asserted terms.</summary>
    public bool ListScope { get; init; }
}
