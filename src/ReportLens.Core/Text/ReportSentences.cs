using ReportLens.Core.Rules.Analysis;
using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Text;

/// <summary>A sentence of a report as UTF-16 offsets; <see cref="StartsSection"/> when it is the first of its section.</summary>
public readonly record struct ReportSentence(int Start, int End, bool StartsSection);

/// <summary>The rules engine's section and sentence split, for callers outside the engine (chunking long reports).</summary>
public static class ReportSentences
{
    public static IReadOnlyList<ReportSentence> Split(string text, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = LexiconCatalog.For(language);
        var matches = new LexiconMatches(lexicon.Matcher.FindAll(text));
        var sections = Segmenter.Sections(text, matches.Of(PhraseKind.Section));
        var sentences = new List<TextUnit>();
        Segmenter.Split(text, sections, lexicon.IsEnglish, sentences, clauses: []);
        return [.. sentences.Select((s, i) => new ReportSentence(s.Start, s.End, i == 0 || sentences[i - 1].Section != s.Section))];
    }
}
