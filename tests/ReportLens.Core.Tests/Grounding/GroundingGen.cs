using CsCheck;

namespace ReportLens.Core.Tests.Grounding;

/// <summary>Random reports mixing CJK, ASCII, full-width forms, punctuation and astral code points.</summary>
internal static class GroundingGen
{
    private static readonly string[] CodePoints =
    [
        "肺", "结", "节", "左", "右", "上", "叶", "见", "未", "无", "影", "钙", "化", "。", "，", "：", "（", "）",
        "a", "B", "c", "x", "X", "1", "2", "3", ".", ",", " ", "\n", "×", "*", "ｃ", "ｍ", "３", "😀", "𠀀", "𠮷",
    ];

    /// <summary>A report as its list of code points (each a string of one or two UTF-16 units).</summary>
    public static readonly Gen<string[]> Report = Gen.OneOf(CodePoints).Array[1, 160];

    /// <summary>A report, a slice [from, to) of its code points and a claimed offset that may be anywhere.</summary>
    public static readonly Gen<(string[] Report, int From, int To, int Hint)> ReportWithSlice =
        from report in Report
        from a in Gen.Int[0, report.Length - 1]
        from b in Gen.Int[a + 1, report.Length]
        from hint in Gen.Int[-20, string.Concat(report).Length + 20]
        select (report, a, b, hint);

    /// <summary>Rewrites a code point the way a model might: other width, other case, other punctuation, spaces.</summary>
    public static string Perturb(string codePoint, int choice) => (codePoint, choice % 4) switch
    {
        ("，", _) => ",",
        ("。", _) => ".",
        ("：", _) => ":",
        ("×", 0) => "x",
        ("×", _) => "*",
        ("x", _) => "×",
        ("ｃ", _) => "C",
        ("３", _) => "3",
        ({ Length: 1 } s, 0) when s[0] is >= '!' and <= '~' => ((char)(s[0] + 0xFEE0)).ToString(),
        ({ Length: 1 } s, 1) when char.IsAsciiLetter(s[0]) => char.IsUpper(s[0]) ? s.ToLowerInvariant() : s.ToUpperInvariant(),
        (var s, 2) => s + " ",
        (var s, _) => s,
    };
}
