using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Tests.Grounding;

public sealed class TextLocatorTests
{
    private const string Report = "检查所见：右肺上叶见结节，大小约3.2cm×2.1cm。左肺未见明显结节。\n诊断意见：右肺上叶结节，建议随访。";

    [Fact]
    public void Locate_ExactText_ReturnsExactSpan()
    {
        var grounding = TextLocator.Locate(Report, "3.2cm×2.1cm");

        Assert.Equal(GroundingMatch.Exact, grounding.Match);
        Assert.Equal(1.0, grounding.Score);
        Assert.Equal(Report.IndexOf("3.2cm", StringComparison.Ordinal), grounding.Start);
        Assert.Equal("3.2cm×2.1cm", grounding.SourceText);
        Assert.Equal(grounding.Start, grounding.CodePointStart);
    }

    [Theory]
    [InlineData("３．２ｃｍ×２．１ｃｍ", "3.2cm×2.1cm")]
    [InlineData("3.2cm x 2.1cm", "3.2cm×2.1cm")]
    [InlineData("3.2CM*2.1CM", "3.2cm×2.1cm")]
    [InlineData("右肺上叶见结节,大小约", "右肺上叶见结节，大小约")]
    [InlineData("检查所见:右肺", "检查所见：右肺")]
    [InlineData("2.1cm。左肺", "2.1cm。左肺")]
    [InlineData("2.1CM.\n左肺", "2.1cm。左肺")]
    [InlineData("  左 肺 未 见  ", "左肺未见")]
    public void Locate_NormalisedVariant_MapsBackToOriginalText(string needle, string expectedSource)
    {
        var grounding = TextLocator.Locate(Report, needle);

        Assert.Equal(needle.Trim() == expectedSource ? GroundingMatch.Exact : GroundingMatch.Normalized, grounding.Match);
        Assert.Equal(expectedSource, grounding.SourceText);
        Assert.Equal(expectedSource, Report[grounding.Start!.Value..grounding.End!.Value]);
    }

    [Fact]
    public void Locate_EnglishCaseAndSpacing_IsNormalized()
    {
        const string report = "FINDINGS: A  Nodule in the Right Upper Lobe measuring 12 mm.";

        var grounding = TextLocator.Locate(report, "a nodule in the right upper lobe");

        Assert.Equal(GroundingMatch.Normalized, grounding.Match);
        Assert.Equal("A  Nodule in the Right Upper Lobe", grounding.SourceText);
    }

    [Fact]
    public void Locate_OneTypo_IsFuzzyWithScoreAboveThreshold()
    {
        var grounding = TextLocator.Locate(Report, "右肺上叶见结界，大小约");

        Assert.Equal(GroundingMatch.Fuzzy, grounding.Match);
        Assert.InRange(grounding.Score, 0.8, 0.99);
        Assert.Equal("右肺上叶见结节，大小约", grounding.SourceText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("肝脏多发囊肿")]
    public void Locate_TextNotInReport_IsNoneWithoutSpan(string? needle)
    {
        var grounding = TextLocator.Locate(Report, needle);

        Assert.Equal(GroundingMatch.None, grounding.Match);
        Assert.True(grounding.Ungrounded);
        Assert.Null(grounding.Start);
        Assert.Null(grounding.End);
        Assert.Null(grounding.SourceText);
    }

    [Fact]
    public void Locate_NeedleLongerThanReport_IsNone()
    {
        var grounding = TextLocator.Locate("肺纹理清晰", "肺纹理清晰，双肺未见明显实质性病变，心影不大");

        Assert.Equal(GroundingMatch.None, grounding.Match);
    }

    [Fact]
    public void Locate_RepeatedText_ChoosesOccurrenceNearestHint()
    {
        var first = Report.IndexOf("右肺上叶", StringComparison.Ordinal);
        var second = Report.LastIndexOf("右肺上叶", StringComparison.Ordinal);

        Assert.Equal(first, TextLocator.Locate(Report, "右肺上叶").Start);
        Assert.Equal(first, TextLocator.Locate(Report, "右肺上叶", hint: first + 3).Start);
        Assert.Equal(second, TextLocator.Locate(Report, "右肺上叶", hint: second - 4).Start);
        Assert.Equal(second, TextLocator.Locate(Report, "右肺上叶", hint: 10_000).Start);
    }

    [Fact]
    public void Locate_RepeatedNormalisedText_ChoosesOccurrenceNearestHint()
    {
        const string report = "结节 A，随访。结节 A，复查。";
        var second = report.LastIndexOf("结节", StringComparison.Ordinal);

        var grounding = TextLocator.Locate(report, "结节a,", hint: second + 1);

        Assert.Equal(GroundingMatch.Normalized, grounding.Match);
        Assert.Equal(second, grounding.Start);
        Assert.Equal("结节 A，", grounding.SourceText);
    }

    [Fact]
    public void Locate_SurrogatePairsBeforeSpan_CodePointOffsetsDifferFromUtf16()
    {
        const string report = "😀𠀀备注：左肾囊肿约1.5cm。";
        var start = report.IndexOf("左肾囊肿", StringComparison.Ordinal);

        var grounding = TextLocator.Locate(report, "左肾囊肿");

        Assert.Equal(start, grounding.Start);
        Assert.Equal(start - 2, grounding.CodePointStart);
        Assert.Equal(start + 4 - 2, grounding.CodePointEnd);
        Assert.Equal("左肾囊肿", report.EnumerateRunes().Skip(grounding.CodePointStart!.Value).Take(4).Aggregate("", (s, r) => s + r));
    }

    [Fact]
    public void Locate_FuzzyInLongReport_FindsMatchWithinBudgetQuickly()
    {
        var filler = string.Concat(Enumerable.Repeat("双肺纹理清晰，走行自然。纵隔居中，心影不大。", 2_500));
        var report = filler + "右肺下叶背段见磨玻璃结节，边界清楚。" + filler;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var grounding = TextLocator.Locate(report, "右肺下叶背段见磨玻离结节，边界清楚");
        watch.Stop();

        Assert.True(report.Length > 100_000);
        Assert.Equal(GroundingMatch.Fuzzy, grounding.Match);
        Assert.Equal("右肺下叶背段见磨玻璃结节，边界清楚", grounding.SourceText);
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Locate_LongFuzzyNeedleInLongReport_UsesBigramWindowsAndPrefersNearestHint()
    {
        const string sentence = "右肺下叶背段见一磨玻璃密度结节影，边界清楚，大小约8mm×6mm，建议三个月后复查。";
        var filler = string.Concat(Enumerable.Repeat("双肺纹理清晰，走行自然。纵隔居中，心影不大。", 1_500));
        var report = filler + sentence + filler + sentence + filler;
        var secondStart = report.LastIndexOf(sentence, StringComparison.Ordinal);
        var needle = sentence.Replace("磨玻璃", "磨玻离", StringComparison.Ordinal).Replace("复查", "复诊", StringComparison.Ordinal);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var grounding = new TextLocator(report).Locate(needle, hint: secondStart + 30);
        watch.Stop();

        Assert.True((long)needle.Length * report.Length > TextLocatorOptions.Default.FuzzyCellBudget);
        Assert.Equal(GroundingMatch.Fuzzy, grounding.Match);
        Assert.Equal(secondStart, grounding.Start);
        Assert.Equal(sentence, grounding.SourceText);
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Locate_RepetitiveNeedleInRepetitiveReport_StaysFast()
    {
        var report = new string('影', 100_000);
        var needle = new string('影', 450) + "结节" + new string('影', 450);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var grounding = TextLocator.Locate(report, needle, hint: 50_000);
        watch.Stop();

        Assert.Equal(GroundingMatch.Fuzzy, grounding.Match);
        Assert.Equal(needle.Length, grounding.End - grounding.Start);
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.True(TextLocator.Locate(report, new string('影', 1_000) + "结节").Ungrounded);
    }
}
