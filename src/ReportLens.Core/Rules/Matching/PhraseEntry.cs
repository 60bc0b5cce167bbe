namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// One lexicon phrase. <paramref name="Label"/> and <paramref name="Value"/> carry the kind's column data
/// (section kind, cue kind, body part, modality…; severity or weight); <paramref name="Flags"/> the rest.
/// <paramref name="CriticalOnlyWith"/>: for a critical finding that is critical only in a context (critical.tsv's
/// fourth column), the words one of which its sentence must contain; null when it is critical wherever it stands.
/// <paramref name="CriticalCategory"/>: critical.tsv's category (chest, neuro…) of a critical finding, else null.
/// </summary>
internal sealed record PhraseEntry(PhraseKind Kind, string Text, string Label, int Value, string Flags, bool ExtendWord,
    IReadOnlyList<string>? CriticalOnlyWith = null, string? CriticalCategory = null)
{
    /// <summary>The severity of a critical finding (危急); findings.tsv rows carry 1–3, critical.tsv decides this one.</summary>
    public const int CriticalSeverity = 4;

    /// <summary>
    /// A cue's value: a history cue (术后, status post) negates a treated condition but not the device the treatment
    /// left ("起搏器植入术后" states a pacemaker).
    /// </summary>
    public const int HistoryCue = 1;

    public bool IsHistoryCue => Kind == PhraseKind.Cue && Value == HistoryCue;

    public bool HasFlag(char flag) => Flags.Contains(flag, StringComparison.Ordinal);
}
