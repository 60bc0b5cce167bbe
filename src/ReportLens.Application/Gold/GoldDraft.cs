using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Grounding;

namespace ReportLens.Application.Gold;

/// <summary>
/// The reviewed truth of one report while it is collected, as spans of the report text: the settled annotations
/// each add their part; <see cref="ToRecord"/> cuts every text out of the (possibly de-identified) text.
/// </summary>
internal sealed class GoldDraft
{
    public sealed record DraftFinding(int Start, int End, bool Negated, bool Uncertain, string? Laterality, string? Severity);

    public sealed record DraftMeasurement(int Start, int End, string Value, string Unit, string? Item);

    public List<DraftFinding> Findings { get; } = [];
    public List<DraftMeasurement> Measurements { get; } = [];
    public List<(int Start, int End)> Locations { get; } = [];
    public (int Start, int End)? Impression { get; set; }
    public Dictionary<string, string>? Classification { get; set; }
    public List<GoldScore>? Scores { get; set; }
    public SortedSet<AnnotationType> Reviewed { get; } = [];

    /// <summary>Adds one annotation's part; a finding at a span already listed (highlight and extraction) is kept once, the first.</summary>
    public void Merge(GoldDraft part)
    {
        Findings.AddRange(part.Findings.Where(f => !Findings.Any(g => g.Start == f.Start && g.End == f.End)));
        Measurements.AddRange(part.Measurements);
        Locations.AddRange(part.Locations);
        Impression = part.Impression ?? Impression;
        Classification = part.Classification ?? Classification;
        Scores = part.Scores ?? Scores;
        Reviewed.UnionWith(part.Reviewed);
    }

    /// <param name="span">Moves a span of the original text onto <paramref name="text"/> (identity unless de-identified).</param>
    /// <param name="conceal">Rewrites a free text (a measurement's value and item) the same way (identity unless de-identified).</param>
    public GoldReport ToRecord(string id, string language, string text, Func<int, int, (int Start, int End)> span, Func<string, string> conceal)
    {
        var locator = new TextLocator(text);
        string Cut((int Start, int End) s) => text[s.Start..s.End];
        var classification = Classification ?? [];
        return new GoldReport
        {
            Id = id,
            Text = text,
            Language = language,
            Modality = classification.GetValueOrDefault(ClassificationVocabulary.Modality, ""),
            BodyPart = classification.GetValueOrDefault(ClassificationVocabulary.BodyPart, ""),
            Urgency = classification.GetValueOrDefault(ClassificationVocabulary.Urgency, ""),
            FollowUp = classification.GetValueOrDefault(ClassificationVocabulary.FollowUp) == ClassificationVocabulary.Yes,
            FurtherExam = classification.GetValueOrDefault(ClassificationVocabulary.FurtherExam) == ClassificationVocabulary.Yes,
            Findings =
            [
                .. Findings.Select(f => (f, s: span(f.Start, f.End))).OrderBy(x => x.s.Start).ThenBy(x => x.s.End).Select(x => new GoldFinding
                {
                    Text = Cut(x.s),
                    Start = x.s.Start,
                    CodePointStart = locator.ToCodePoint(x.s.Start),
                    Negated = x.f.Negated,
                    Uncertain = x.f.Uncertain && !x.f.Negated,
                    Abnormal = !x.f.Negated,
                    Laterality = x.f.Laterality,
                    Severity = x.f.Severity,
                }),
            ],
            Measurements =
            [
                .. Measurements.Select(m => (m, s: span(m.Start, m.End))).OrderBy(x => x.s.Start).ThenBy(x => x.s.End).Select(x => new GoldMeasurement
                {
                    Text = Cut(x.s),
                    Start = x.s.Start,
                    CodePointStart = locator.ToCodePoint(x.s.Start),
                    Value = conceal(x.m.Value),
                    Unit = x.m.Unit,
                    Item = x.m.Item is null ? null : conceal(x.m.Item),
                }),
            ],
            Locations = [.. Locations.Select(l => span(l.Start, l.End)).OrderBy(s => s.Start).ThenBy(s => s.End).Select(Cut)],
            Impression = Impression is { } impression ? Cut(span(impression.Start, impression.End)) : null,
            Reviewed = [.. Reviewed],
            Scores = Scores,
        };
    }
}
