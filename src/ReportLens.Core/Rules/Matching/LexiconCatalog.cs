using ReportLens.Core.Text;

namespace ReportLens.Core.Rules.Matching;

/// <summary>Each language's lexicons, read from the embedded files once, on first use, thread-safely.</summary>
internal static class LexiconCatalog
{
    private static readonly Lazy<LanguageLexicon> Chinese = new(() => LexiconLoader.Load(ReportLanguage.Zh), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<LanguageLexicon> English = new(() => LexiconLoader.Load(ReportLanguage.En), LazyThreadSafetyMode.ExecutionAndPublication);

    public static LanguageLexicon For(ReportLanguage language) => language == ReportLanguage.En ? English.Value : Chinese.Value;
}
