using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Core.Annotations;
using ReportLens.Server.Components.ReportView;
using ReportLens.Server.Ui;

namespace ReportLens.E2E.Tests.Components;

public sealed class HighlightedTextTests : IDisposable
{
    private readonly BunitContext _context = new();

    public HighlightedTextTests()
    {
        _context.Services.AddSingleton(UiStrings.Load());
        _context.Services.AddScoped<UiText>();
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Render_CrossingSpans_SplitsTheLaterOneAndKeepsEveryElementTrueToItsSpan()
    {
        const string text = "右肺上叶结节，边界清楚";
        var cut = Render(text, Item(0, 4, "location"), Item(2, 6, "abnormal"));

        var marks = Marks(cut);
        AssertTrueToText(cut, text);
        var outer = Assert.Single(marks, m => m.GetAttribute("data-index") == "0");
        Assert.Equal("右肺上叶", outer.TextContent);
        var pieces = marks.Where(m => m.GetAttribute("data-index") == "1").ToList();
        Assert.Equal(2, pieces.Count);
        Assert.All(pieces, p => Assert.Contains("hl-fragment", p.ClassName));
        Assert.Equal("上叶结节", string.Concat(pieces.Select(p => p.TextContent)));
        Assert.Same(outer, pieces[0].ParentElement);
    }

    [Fact]
    public void Render_ContainedSpan_NestsInsideTheOuterHighlight()
    {
        const string text = "右肺上叶结节，边界清楚";
        var cut = Render(text, Item(2, 4, "location"), Item(0, 6, "diagnosis"));

        var outer = Assert.Single(Marks(cut), m => m.GetAttribute("data-index") == "1");
        var inner = Assert.Single(Marks(cut), m => m.GetAttribute("data-index") == "0");
        Assert.Same(outer, inner.ParentElement);
        Assert.Equal("右肺上叶结节", outer.TextContent);
        Assert.DoesNotContain("hl-fragment", inner.ClassName);
        AssertTrueToText(cut, text);
    }

    [Fact]
    public void Render_SpansAtStartAndEnd_CoverTheFirstAndLastCharacters()
    {
        const string text = "结节位于右肺上叶";
        var cut = Render(text, Item(0, 2, "abnormal"), Item(text.Length - 2, text.Length, "location"));

        var marks = Marks(cut);
        Assert.Equal(2, marks.Count);
        Assert.Equal("结节", marks[0].TextContent);
        Assert.Equal("上叶", marks[1].TextContent);
        AssertTrueToText(cut, text);
    }

    [Fact]
    public void Render_SurrogatePairs_UsesUtf16OffsetsAndNeverCutsACharacter()
    {
        const string text = "𠀀肺结节😀。";
        var cut = Render(text, Item(2, 5, "abnormal"), Item(5, 7, "diagnosis"), Item(1, 2, "location"));

        var marks = Marks(cut);
        Assert.Equal("肺结节", Assert.Single(marks, m => m.GetAttribute("data-index") == "0").TextContent);
        Assert.Equal("😀", Assert.Single(marks, m => m.GetAttribute("data-index") == "1").TextContent);
        // [1,2) is the second half of 𠀀: it is widened to the whole character instead of splitting it.
        var widened = Assert.Single(marks, m => m.GetAttribute("data-index") == "2");
        Assert.Equal("0", widened.GetAttribute("data-start"));
        Assert.Equal("𠀀", widened.TextContent);
        AssertTrueToText(cut, text);
    }

    [Fact]
    public void Render_NegatedItem_IsStyledAndMarkedNegated()
    {
        const string text = "双侧胸腔未见积液";
        var cut = Render(text, Item(4, 8, "abnormal") with { Negated = true, Reason = "否定" }, Item(0, 4, "location"));

        var negated = Assert.Single(Marks(cut), m => m.GetAttribute("data-negated") == "true");
        Assert.Contains("hl-negated", negated.ClassName);
        Assert.Equal("未见积液", negated.TextContent);
        Assert.DoesNotContain("hl-negated", Assert.Single(Marks(cut), m => m.GetAttribute("data-index") == "1").ClassName);
        Assert.Contains("否定", negated.GetAttribute("data-tip"));
    }

    [Fact]
    public void Render_UngroundedOrOutOfRangeItems_AreNotDrawn()
    {
        const string text = "右肺上叶结节";
        var cut = Render(text,
            Item(0, 2, "location") with { Grounding = SpanGrounding.NotFound },
            Item(0, 2, "location") with { Grounding = null },
            Item(3, 40, "abnormal"),
            Item(4, 6, "abnormal"));

        var mark = Assert.Single(Marks(cut));
        Assert.Equal("3", mark.GetAttribute("data-index"));
        Assert.Equal("结节", mark.TextContent);
        AssertTrueToText(cut, text);
    }

    [Fact]
    public void Render_HighlightTooltip_NamesReasonSourceGroundingAndConfidence()
    {
        const string text = "右肺上叶结节";
        var cut = _context.Render<HighlightedText>(p => p
            .Add(c => c.Text, text)
            .Add(c => c.Items, [Item(4, 6, "abnormal") with { Reason = "占位性病变", Source = "both", Agreed = true }])
            .Add(c => c.Confidence, 0.875));

        var mark = Assert.Single(Marks(cut));
        var tip = mark.GetAttribute("data-tip")!;
        Assert.Contains("占位性病变", tip);
        Assert.Contains("both", tip);
        Assert.Contains("精确匹配", tip);
        Assert.Contains("0.88", tip);
        Assert.Equal("0", mark.GetAttribute("tabindex"));
        Assert.NotNull(cut.Find($"#{mark.GetAttribute("aria-describedby")}"));
    }

    [Fact]
    public void Render_RandomSpans_EveryElementEqualsItsSubstringAndTheTextIsUnchanged()
    {
        const string text = "检查所见：右肺上叶见一结节𠀀，大小约1.5cm×1.2cm😀，双侧胸腔未见积液。诊断：右肺结节。";
        var random = new Random(20261125);
        for (var round = 0; round < 50; round++)
        {
            var items = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
            {
                var start = random.Next(0, text.Length - 1);
                return Item(start, random.Next(start + 1, text.Length + 1), HighlightCategories.All[random.Next(4)]);
            }).ToArray();

            var cut = Render(text, items);

            AssertTrueToText(cut, text);
            for (var i = 0; i < items.Length; i++)
            {
                var pieces = Marks(cut).Where(m => m.GetAttribute("data-index") == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.NotEmpty(pieces);
            }
        }
    }

    private IRenderedComponent<HighlightedText> Render(string text, params HighlightItem[] items) =>
        _context.Render<HighlightedText>(p => p.Add(c => c.Text, text).Add(c => c.Items, items));

    private static List<IElement> Marks(IRenderedComponent<HighlightedText> cut) => cut.FindAll("mark").ToList();

    /// <summary>The block's text is the report's, and every element's text is the report's substring at its data-start/data-end.</summary>
    private static void AssertTrueToText(IRenderedComponent<HighlightedText> cut, string text)
    {
        Assert.Equal(text, cut.Find("[data-testid=report-text]").TextContent);
        foreach (var mark in Marks(cut))
        {
            var start = int.Parse(mark.GetAttribute("data-start")!, System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(mark.GetAttribute("data-end")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(text[start..end], mark.TextContent);
        }
    }

    private static HighlightItem Item(int start, int end, string category) => new()
    {
        Text = "x",
        Category = category,
        Start = start,
        End = end,
        Grounding = new SpanGrounding { Match = GroundingMatch.Exact, Score = 1, Start = start, End = end },
    };
}
