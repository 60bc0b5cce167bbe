namespace ReportLens.Core.Rules.Matching;

/// <summary>The lexicon a phrase comes from; each kind is resolved leftmost-longest on its own.</summary>
internal enum PhraseKind
{
    Section,
    Cue,
    Finding,
    Anatomy,
    Laterality,
    Modality,
    Recommendation,
    MeasureItem,
    Vague,
    Modifier,
    Device,
}
