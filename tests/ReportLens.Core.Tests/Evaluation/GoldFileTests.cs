using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

public sealed class GoldFileTests
{
    private const string Valid =
        """{"id":"a","text":"右肺见结节，约5mm。","language":"zh","modality":"CT","body_part":"胸部","urgency":"异常轻微","follow_up":true,"findings":[{"text":"结节","abnormal":true}],"measurements":[{"text":"5mm","value":"5","unit":"mm"}],"locations":["右肺"]}""";

    [Fact]
    public void Parse_ValidLinesWithBlankLines_ReadsEveryReportSnakeCase()
    {
        var reports = GoldFile.Parse(new StringReader(Valid + "\n\n" + Valid.Replace("\"id\":\"a\"", "\"id\":\"b\"", StringComparison.Ordinal) + "\n"));

        Assert.Equal(["a", "b"], reports.Select(r => r.Id));
        Assert.Equal("胸部", reports[0].BodyPart);
        Assert.True(reports[0].FollowUp);
        Assert.Equal("mm", reports[0].Measurements[0].Unit);
        Assert.True(reports[0].Findings[0].Abnormal);
    }

    [Theory]
    [InlineData("{not json", 3)]
    [InlineData("""{"id":"c","text":"x","language":"zh","modality":"CT","body_part":"胸部"}""", 3)]
    [InlineData("""{"id":"c","text":"左肺","language":"zh","modality":"CT","body_part":"胸部","urgency":"正常","locations":["右肺"]}""", 3)]
    [InlineData("""{"id":"a","text":"左肺","language":"zh","modality":"CT","body_part":"胸部","urgency":"正常"}""", 3)]
    [InlineData("""{"id":"c","text":"左肺结节","language":"zh","modality":"CT","body_part":"胸部","urgency":"正常","findings":[{"text":"结节","start":1}]}""", 3)]
    // An emoji is two UTF-16 units but one code point: code_point_start 3 is not the code point of UTF-16 offset 3.
    [InlineData("""{"id":"c","text":"😀左肺结节","language":"zh","modality":"CT","body_part":"胸部","urgency":"正常","findings":[{"text":"肺结节","start":3,"code_point_start":3}]}""", 3)]
    [InlineData("""{"id":"c","text":"左肺结节","language":"zh","modality":"CT","body_part":"胸部","urgency":"正常","findings":[{"text":"结节","code_point_start":2}]}""", 3)]
    public void Parse_BadLine_ThrowsWithItsLineNumber(string bad, int line)
    {
        var error = Assert.Throws<GoldFileException>(() => GoldFile.Parse(new StringReader(Valid + "\n\n" + bad), "gold.jsonl"));

        Assert.Equal(line, error.Line);
        Assert.StartsWith($"gold.jsonl:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExportedRecord_ReadsReviewedTypesCodePointsAndScores()
    {
        const string exported = """{"id":"report-7","text":"😀左肺结节","language":"zh","modality":"","body_part":"","urgency":"","findings":[{"text":"结节","start":4,"code_point_start":3,"abnormal":true,"laterality":"left"}],"reviewed":["highlight"],"scores":[{"dimension":"完整性","score":80,"max_score":100}]}""";

        var report = GoldFile.Parse(new StringReader(exported)).Single();

        Assert.Equal([Core.Annotations.AnnotationType.Highlight], report.Reviewed);
        Assert.True(report.Covers(Core.Annotations.AnnotationType.Highlight));
        Assert.False(report.Covers(Core.Annotations.AnnotationType.Classification));
        Assert.Equal((3, "left"), (report.Findings[0].CodePointStart, report.Findings[0].Laterality));
        Assert.Equal(new GoldScore("完整性", 80, 100), Assert.Single(report.Scores!));
    }

    [Fact]
    public void Load_ProjectCorpus_ReadsEveryReport()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl");

        var reports = GoldFile.Load(path);

        Assert.True(reports.Count >= 30, $"{reports.Count} reports");
        Assert.Contains(reports, r => r.Language == "zh");
        Assert.Contains(reports, r => r.Language == "en");
    }

    [Fact]
    public void Parse_ChexpertLabels_ReadsThemAndRejectsUnknownObservationsOrLabels()
    {
        var labelled = Valid.Replace("\"locations\"", "\"chexpert\":{\"Lung Lesion\":\"positive\",\"Pneumothorax\":\"negative\"},\"locations\"", StringComparison.Ordinal);

        var report = GoldFile.Parse(new StringReader(labelled)).Single();

        Assert.Equal("positive", report.Chexpert!["Lung Lesion"]);
        Assert.Null(GoldFile.Parse(new StringReader(Valid)).Single().Chexpert);
        foreach (var bad in new[] { "\"Lung Nodule\":\"positive\"", "\"Edema\":\"present\"" })
        {
            var line = Valid.Replace("\"locations\"", "\"chexpert\":{" + bad + "},\"locations\"", StringComparison.Ordinal);
            Assert.Throws<GoldFileException>(() => GoldFile.Parse(new StringReader(line)));
        }
    }

    [Fact]
    public void LoadFolder_EveryGoldFile_LoadsInNameOrderAndRejectsAnIdRepeatedAcrossFiles()
    {
        var folder = Directory.CreateTempSubdirectory("gold-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "gold.jsonl"), Valid);
            File.WriteAllText(Path.Combine(folder, "gold-en.jsonl"), Valid.Replace("\"id\":\"a\"", "\"id\":\"b\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "other.jsonl"), "not read");

            var files = GoldFile.LoadFolder(folder);

            Assert.Equal(["gold-en.jsonl", "gold.jsonl"], files.Select(f => f.Name));
            File.WriteAllText(Path.Combine(folder, "gold-zh.jsonl"), Valid);
            Assert.Throws<GoldFileException>(() => GoldFile.LoadFolder(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
