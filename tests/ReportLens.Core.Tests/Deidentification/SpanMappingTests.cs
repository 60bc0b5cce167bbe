using ReportLens.Core.Deidentification;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>A span found on de-identified text (by an LLM) maps to the exact span of the original report.</summary>
public sealed class SpanMappingTests
{
    private const string Report =
        "𠀀姓名：张三  住院号：ZY20230012\n检查日期：2023年5月3日\n右肺上叶见磨玻璃结节，大小约8mm×6mm。\n报告医师：李四";

    public static TheoryData<SurrogateMode> Modes() => [SurrogateMode.Placeholder, SurrogateMode.Realistic];

    [Theory]
    [MemberData(nameof(Modes))]
    public void ToOriginal_EverySpanOfTheDeidentifiedText_MapsToTheOriginalTextItStandsFor(SurrogateMode mode)
    {
        var result = new Deidentifier(new DeidOptions { Mode = mode }).Deidentify(Report);
        Assert.NotEmpty(result.Replacements);

        for (var start = 0; start <= result.Text.Length; start++)
        {
            for (var end = start; end <= result.Text.Length; end++)
            {
                var (originalStart, originalEnd) = result.ToOriginal(start, end);
                Assert.Equal(Expected(result, start, end), result.OriginalText[originalStart..originalEnd]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ToDeidentified_EverySpanOfTheOriginal_MapsToTheDeidentifiedTextThatStandsForIt(SurrogateMode mode)
    {
        var result = new Deidentifier(new DeidOptions { Mode = mode }).Deidentify(Report);

        for (var start = 0; start <= Report.Length; start++)
        {
            for (var end = start; end <= Report.Length; end++)
            {
                var (deidStart, deidEnd) = result.ToDeidentified(start, end);
                Assert.Equal(Concealed(result, start, end), result.Text[deidStart..deidEnd]);
            }
        }
    }

    [Fact]
    public void GroundOnOriginal_FindingOnDeidentifiedText_IsExactOnTheOriginal()
    {
        var result = new Deidentifier().Deidentify(Report);
        var at = result.Text.IndexOf("磨玻璃结节", StringComparison.Ordinal);

        var grounding = result.GroundOnOriginal(at, at + "磨玻璃结节".Length);

        Assert.Equal("磨玻璃结节", grounding.SourceText);
        Assert.Equal(Report.IndexOf("磨玻璃结节", StringComparison.Ordinal), grounding.Start);
        Assert.Equal(grounding.Start - 1, grounding.CodePointStart);
    }

    [Fact]
    public void ToOriginal_SpanOutsideTheText_Throws()
    {
        var result = new Deidentifier().Deidentify(Report);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.ToOriginal(0, result.Text.Length + 1));
    }

    // The original slice widened to whole identifiers, each replaced by its surrogate.
    private static string Concealed(DeidResult result, int start, int end)
    {
        foreach (var r in result.Replacements.Select(r => r.Original))
        {
            start = start > r.Start && start < r.End ? r.Start : start;
            end = end > r.Start && end < r.End ? r.End : end;
        }

        var text = new System.Text.StringBuilder();
        var cursor = start;
        foreach (var r in result.Replacements.Where(r => r.Original.Start >= start && r.Original.End <= end && start < end))
        {
            text.Append(result.OriginalText, cursor, r.Original.Start - cursor).Append(r.Surrogate);
            cursor = r.Original.End;
        }

        return text.Append(result.OriginalText, cursor, end - cursor).ToString();
    }

    // The de-identified slice with each surrogate it touches put back whole: a span that cuts into a surrogate
    // stands for the whole identifier.
    private static string Expected(DeidResult result, int start, int end)
    {
        foreach (var r in result.Replacements)
        {
            if (start > r.Start && start < r.End)
            {
                start = r.Start;
            }

            if (end > r.Start && end < r.End)
            {
                end = r.End;
            }
        }

        var text = new System.Text.StringBuilder();
        var cursor = start;
        foreach (var r in result.Replacements.Where(r => r.Start >= start && r.End <= end && r.End > r.Start && start < end))
        {
            text.Append(result.Text, cursor, r.Start - cursor).Append(r.Original.Text);
            cursor = r.End;
        }

        return text.Append(result.Text, cursor, end - cursor).ToString();
    }
}
