
namespace ReportLens.Llm.Context;

/// <summary>
/// Token counts guessed from characters, without the model's tokenizer: an upper bound to size the context window
/// (1.2 per CJK character, 1 per 3 other characters) and a lower bound no tokenizer goes under (0.5 per CJK
/// character, 1 per 6 others) to tell a truncated prompt from a short one.
/// </summary>
internal static class TokenEstimate
{
    public static int Upper(string? text)
    {
        var (cjk, other) = Count(text);
        return (int)Math.Ceiling(cjk * 1.2 + other / 3.0);
    }

    public static int Lower(string? text)
    {
        var (cjk, other) = Count(text);
        return (int)(cjk * 0.5 + other / 6.0);
    }

    private static (int Cjk, int Other) Count(string? text)
    {
        int cjk = 0, other = 0;
        foreach (var c in text ?? "")
        {
            if (c is >= '\u3000' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF')
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        return (cjk, other);
    }
}
