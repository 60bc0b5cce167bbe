using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Corpus;

public sealed class DemoReportsTests
{
    private static readonly IReadOnlyList<DemoReportRow> Rows = GoldCorpus.ReadJsonLines<DemoReportRow>(GoldCorpus.DemoPath);

    [Fact]
    public void DemoFile_Parses_HasEightReportsFiveChineseThreeEnglish()
    {
        Assert.Equal(8, Rows.Count);
        Assert.Equal(5, Rows.Count(r => r.Language == "zh"));
        Assert.Equal(3, Rows.Count(r => r.Language == "en"));
    }

    [Fact]
    public void DemoReports_FieldsUseTheClassificationVocabularies()
    {
        Assert.All(Rows, r =>
        {
            Assert.Contains(r.Modality, GoldCorpus.Modalities);
            Assert.Contains(r.BodyPart, GoldCorpus.BodyParts);
            Assert.InRange(r.ReportContent.Length, 50, 5_000);
        });
    }

    [Fact]
    public void DemoReports_AccessionNumbersUnique_LanguageMatchesDetector()
    {
        Assert.Equal(Rows.Count, Rows.Select(r => r.AccessionNumber).Distinct().Count());
        Assert.All(Rows, r => Assert.Equal(r.Language, LanguageDetector.Detect(r.ReportContent).ToCode()));
    }
}
