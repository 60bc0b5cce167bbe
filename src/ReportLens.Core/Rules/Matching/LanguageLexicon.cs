using ReportLens.Core.Text;

namespace ReportLens.Core.Rules.Matching;

/// <summary>Everything the engine knows about one language: the phrase matcher over all lexicons and the messages.</summary>
internal sealed class LanguageLexicon(ReportLanguage language, PhraseMatcher matcher, Messages messages)
{
    public ReportLanguage Language { get; } = language;
    public PhraseMatcher Matcher { get; } = matcher;
    public Messages Messages { get; } = messages;
    public bool IsEnglish => Language == ReportLanguage.En;
}
