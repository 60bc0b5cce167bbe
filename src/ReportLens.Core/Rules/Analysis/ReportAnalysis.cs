using ReportLens.Core.Rules.Builders;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Everything the rules found in one report; the four annotation builders read from it.</summary>
internal sealed record ReportAnalysis(
    ReportAnalysisParts Parts,
    LanguageLexicon Lexicon,
    IReadOnlyList<FindingMention> Mentions,
    IReadOnlyList<FindingSegment> Findings,
    IReadOnlyList<MeasurementMention> Measurements,
    IReadOnlyList<DeviceMention> Devices)
{
    private FindingMention? _decisive;
    private bool _decisiveKnown;
    private (IReadOnlyList<TextUnit> Sentences, bool FromImpression)? _diagnoses;

    public string Text => Parts.Text;
    public Messages Messages => Lexicon.Messages;
    public bool English => Lexicon.IsEnglish;

    public ReportSection? Impression => Parts.Sections.FirstOrDefault(s => s.Kind == SectionKind.Impression && s.End > s.BodyStart);

    /// <summary>The mention that decides the urgency (<see cref="Urgency.Decisive"/>), found once per report.</summary>
    public FindingMention? Decisive
    {
        get
        {
            if (!_decisiveKnown)
            {
                (_decisive, _decisiveKnown) = (Urgency.Decisive(this), true);
            }

            return _decisive;
        }
    }

    /// <summary>The diagnostic statements (<see cref="DiagnosisStatements.Of"/>), found once per report.</summary>
    public (IReadOnlyList<TextUnit> Sentences, bool FromImpression) Diagnoses => _diagnoses ??= DiagnosisStatements.Of(this);

    public IReadOnlyList<PhraseHit> Hits(PhraseKind kind) => Parts.Matches.Of(kind);
}
