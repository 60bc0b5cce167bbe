namespace ReportLens.Core.Text;

/// <summary>Chinese when at least a fifth of the letters are CJK ideographs; English otherwise.</summary>
public static class LanguageDetector
{
    public static ReportLanguage Detect(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf')
            {
                cjk++;
                letters++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters > 0 && cjk * 5 >= letters ? ReportLanguage.Zh : ReportLanguage.En;
    }

    public static string ToCode(this ReportLanguage language) => language == ReportLanguage.Zh ? "zh" : "en";

    public static bool TryParse(string? code, out ReportLanguage language)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "zh" or "zh-cn" or "zh-hans" or "chinese":
                language = ReportLanguage.Zh;
                return true;
            case "en" or "en-us" or "en-gb" or "english":
                language = ReportLanguage.En;
                return true;
            default:
                language = default;
                return false;
        }
    }
}
