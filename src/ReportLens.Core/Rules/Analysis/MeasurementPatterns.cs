using System.Text.RegularExpressions;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Source-generated patterns for values with units: sizes (1-3 dimensions), ranges, single values, counts.</summary>
internal static partial class MeasurementPatterns
{
    private const string Num = @"\d+(?:\.\d+)?";
    private const string Unit = @"(?:centimet(?:er|re)s?|millimet(?:er|re)s?|cm²|cm2|cm³|cm3|mm²|mm2|mm³|mm3|mm/s|cm/s|m/s|ml/min|mmHg|mmol/L|ml|cc|mm|cm|HU|%|厘米|毫米|毫升|bpm|次/分|°)";
    private const string Sep = @"\s*(?:[×xX*＊✕]|(?<=\s)by(?=\s))\s*";
    private const string RangeSep = @"\s*(?:-|~|～|—|–|至|到|to)\s*";

    // Leftmost match wins, so a size or range is taken whole before its first number could match alone.
    private const string Value =
        @"(?<![A-Za-z0-9.])(?:" +
        $@"(?<d1>{Num})\s*(?<du1>{Unit})?{Sep}(?<d2>{Num})\s*(?<du2>{Unit})?(?:{Sep}(?<d3>{Num})\s*(?<du3>{Unit})?)?" +
        $@"|(?<r1>{Num})\s*(?<ru1>{Unit})?{RangeSep}(?<r2>{Num})\s*(?<ru2>{Unit})" +
        $@"|(?<s>-?{Num})(?:\s*|-)(?<su>{Unit})" +
        @")(?![A-Za-z²³])";

    [GeneratedRegex(Value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Measurement();

    [GeneratedRegex(@"(?<![第\d.．])(?<n>\d+|[一二两三四五六七八九十]+)\s*(?<u>枚|个|颗|粒|处)(?!月|以上|小时|层面)", RegexOptions.CultureInvariant)]
    public static partial Regex ChineseCount();

    // The count is a whole number: never the digits after a decimal point ("1.9 cm nodule" is one nodule, not nine).
    [GeneratedRegex(@"(?<![\d.])\b(?<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[A-Za-z][\w'-]*\s+){0,3}?(?<noun>nodules?|lesions?|masses|mass|cysts?|stones?|calculi|foci|focus|lymph nodes?|metastases|fractures?|polyps?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex EnglishCount();

    /// <summary>
    /// The bare number after a ratio's name: "心胸比例约0.48", "cardiothoracic ratio is 0.55", or both terms of a
    /// quotient ("cardiothoracic ratio of 16.2/24.7", "12/33"), which the group n takes whole.
    /// </summary>
    [GeneratedRegex(@"\G(?:\s|约|为|是|:|：|=|≈|~|<|>|≤|≥|＜|＞|小于|大于|is|of|was|approximately|approx\.?|about|around|measures|measured|less than|greater than)*(?<n>\d+(?:\.\d+)?(?:\s*[/／]\s*\d+(?:\.\d+)?)?)(?!\d|\.\d|\s*(?:cm|mm|%|HU|ml))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RatioValue();

    /// <summary>Words between a measured item's name and its value ("大小约", "measuring").</summary>
    [GeneratedRegex(@"^(?:\s|约|为|是|:|：|=|≈|~|大小|直径|长径|短径|最大径|最大截面|范围|达|较大者|大者|较大|is|of|was|were|measures|measure|measuring|measured|approximately|approx\.?|about|around|up to|size|in size|in diameter|diameter)*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Connector();
}
