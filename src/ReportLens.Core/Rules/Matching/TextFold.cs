namespace ReportLens.Core.Rules.Matching;

/// <summary>
/// Character folding for matching: full-width ASCII to half-width, ASCII to lower case. One char maps to one
/// char, so offsets in the folded view are offsets in the report.
/// </summary>
internal static class TextFold
{
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Fold(source[i]);
        }
    });
}
