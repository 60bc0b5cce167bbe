using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Everything the rules found in one report; the four annotation builders read from it.</summary>
internal sealed record ReportAnalysis(
    ReportAnalysisParts Parts,
    LanguageLexicon Lexicon,
    IReadOnlyList<FindingMention> Mentions,
    IReadOnlyList<FindingSegment> Findings,
    IReadOnlyList<MeasurementMention> Measurements)
{
    public string Text => Parts.Text;
    public Messages Messages => Lexicon.Messages;
    public bool English => Lexicon.IsEnglish;

    public ReportSection? Impression => Parts.Sections.FirstOrDefault(s => s.Kind == SectionKind.Impression && s.End > s.BodyStart);

    public IReadOnlyList<PhraseHit> Hits(PhraseKind kind) => Parts.Matches.Of(kind);
}
