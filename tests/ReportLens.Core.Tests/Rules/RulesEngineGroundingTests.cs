using CsCheck;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineGroundingTests
{
    public static TheoryData<int> Reports() => [.. Enumerable.Range(0, SampleReportsByModality.All.Length)];

    [Theory]
    [MemberData(nameof(Reports))]
    public void Analyze_EveryHighlight_CutsOutItsTextExactly(int index)
    {
        var (report, language) = SampleReportsByModality.All[index];

        var highlights = Rules.Highlight(report, language).Highlights;

        Assert.NotEmpty(highlights);
        Assert.All(highlights, h =>
        {
            Assert.Equal(h.Text, report[h.Start..h.End]);
            AssertExact(report, h.Text, h.Grounding);
        });
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Analyze_EveryExtractedItem_CutsOutItsTextExactly(int index)
    {
        var (report, language) = SampleReportsByModality.All[index];

        var extraction = Rules.Extract(report, language);

        Assert.NotEmpty(extraction.FindingDetails);
        Assert.All(extraction.FindingDetails, f => AssertExact(report, f.Text, f.Grounding));
        Assert.All(extraction.Measurements, m => AssertExact(report, m.Text!, m.Grounding));
        Assert.All(extraction.LocationDetails, l => AssertExact(report, l.Text, l.Grounding));
        AssertExact(report, extraction.Impression, extraction.ImpressionDetails!.Grounding);
    }

    [Fact]
    public void Analyze_TextWithSurrogatePairs_CountsCodePointsSeparately()
    {
        const string report = "𠀀𠀀患者：右肺上叶结节，大小约8mm×6mm。";

        var measurement = Assert.Single(Rules.Extract(report).Measurements);

        Assert.Equal("8mm×6mm", report[measurement.Grounding!.Start!.Value..measurement.Grounding.End!.Value]);
        Assert.Equal(measurement.Grounding.Start - 2, measurement.Grounding.CodePointStart);
        Assert.Equal(measurement.Grounding.End - 2, measurement.Grounding.CodePointEnd);
    }

    [Fact]
    public void Analyze_ReportsAssembledFromClinicalSentences_AlwaysGroundExactly()
    {
        string[] sentences =
        [
            "双肺纹理增多", "未见明显实质性病变", "右肺上叶见一结节，大小约8mm×6mm", "心胸比例约0.48", "不除外肺栓塞",
            "No pneumothorax or pleural effusion", "A 3.2 x 2.1 cm mass in the left lower lobe", "印象：右侧气胸",
            "建议：3个月后复查", "肝内见3枚囊肿", "IMPRESSION: possible pneumonia", "𠀀", " ", "\n", "，", "。", "but", "但",
        ];
        var reports = Gen.Int[0, sentences.Length - 1].Array[1, 12]
            .Select(picks => string.Concat(picks.Select(i => sentences[i] + (i % 3 == 0 ? "。" : ". "))));

        reports.Sample(report =>
        {
            var language = LanguageDetector.Detect(report);
            foreach (var type in Enum.GetValues<AnnotationType>())
            {
                var content = RulesEngine.Default.Analyze(report, type, language);
                AssertGrounded(report, content);
            }
        }, iter: 300);
    }

    [Fact]
    public void Analyze_ArbitraryCharacters_NeverThrowAndGroundExactly()
    {
        const string alphabet = "骨质左叶bones肺结节未见无可能但，。；：:,.;()（）-~～×x*0123456789.%mmcmHU 右左双侧气胸积液 noNo pleural effusion but\n𠀀？?印象诊断Impression:";
        var reports = Gen.Int[0, alphabet.Length - 1].Array[0, 80].Select(picks => new string([.. picks.Select(i => alphabet[i])]));

        reports.Sample(report =>
        {
            foreach (var language in Enum.GetValues<ReportLanguage>())
            {
                foreach (var type in Enum.GetValues<AnnotationType>())
                {
                    AssertGrounded(report, RulesEngine.Default.Analyze(report, type, language));
                }
            }
        }, iter: 500);
    }

    private static void AssertGrounded(string report, AnnotationContent content)
    {
        switch (content)
        {
            case HighlightContent h:
                Assert.All(h.Highlights, i => AssertExact(report, i.Text, i.Grounding));
                break;
            case ExtractionContent e:
                Assert.All(e.FindingDetails, f => AssertExact(report, f.Text, f.Grounding));
                Assert.All(e.Measurements, m => AssertExact(report, m.Text!, m.Grounding));
                Assert.All(e.LocationDetails, l => AssertExact(report, l.Text, l.Grounding));
                break;
            case ScoringContent s:
                Assert.Equal(5, s.Scores.Count);
                Assert.All(s.Scores, i => Assert.InRange(i.Score, 0, i.MaxScore));
                break;
            case ClassificationContent c:
                Assert.Equal(5, c.Classifications.Count);
                break;
        }

        // Stored as JSON and read back (a lone surrogate may come back as U+FFFD, so the type is what is compared).
        var json = ReportLensJson.SerializeContent(content);
        Assert.Equal(content.GetType(), ReportLensJson.DeserializeContent(content.Type, json).GetType());
    }

    private static void AssertExact(string report, string text, SpanGrounding? grounding)
    {
        Assert.NotNull(grounding);
        Assert.Equal(GroundingMatch.Exact, grounding.Match);
        Assert.Equal(1, grounding.Score);
        Assert.Equal(text, report[grounding.Start!.Value..grounding.End!.Value]);
        Assert.Equal(text, grounding.SourceText);
        Assert.Equal(report[..grounding.Start.Value].EnumerateRunes().Count(), grounding.CodePointStart);
        Assert.Equal(report[..grounding.End.Value].EnumerateRunes().Count(), grounding.CodePointEnd);
    }
}
