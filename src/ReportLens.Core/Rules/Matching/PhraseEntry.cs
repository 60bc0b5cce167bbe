namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// One lexicon phrase. <paramref name="Label"/> and <paramref name="Value"/> carry the kind's column data
/// (section kind, cue kind, body part, modality…; severity or weight); <paramref name="Flags"/> the rest.
/// </summary>
internal sealed record PhraseEntry(PhraseKind Kind, string Text, string Label, int Value, string Flags, bool ExtendWord)
{
    public bool HasFlag(char flag) => Flags.Contains(flag, StringComparison.Ordinal);
}
