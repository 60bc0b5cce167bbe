using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Llm;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Tests;

public sealed class AnnotationSchemasTests
{
    private readonly AnnotationSchemas _schemas = new();

    [Fact]
    public void Check_SeedsHighlightExample_ParsesIntoHighlightContent()
    {
        var check = _schemas.Check(AnnotationType.Highlight, """
            {"highlights": [
              {"text": "双肺纹理增多", "category": "abnormal", "start": 0, "end": 6, "reason": "肺部纹理异常增多"},
              {"text": "未见明显实质性病变", "category": "diagnosis", "reason": "否定", "negated": true, "uncertain": false}
            ]}
            """);

        var content = Assert.IsType<HighlightContent>(check.Content);
        Assert.Equal(["双肺纹理增多", "未见明显实质性病变"], content.Highlights.Select(h => h.Text));
        Assert.Equal((0, 6), (content.Highlights[0].Start, content.Highlights[0].End));
        Assert.False(content.Highlights[0].Negated);
        Assert.True(content.Highlights[1].Negated);
        Assert.All(content.Highlights, h => Assert.Equal("llm", h.Source));
    }

    [Fact]
    public void Check_SeedsClassificationExample_ParsesIntoClassificationContent()
    {
        var check = _schemas.Check(AnnotationType.Classification, """
            {"classifications": [{"dimension": "紧急程度", "category": "异常轻微", "confidence": 0.92}, {"dimension": "检查部位", "category": "胸部", "confidence": 0.98, "evidence": "胸部CT"}]}
            """);

        var content = Assert.IsType<ClassificationContent>(check.Content);
        Assert.Equal(0.92, content.Classifications[0].Confidence);
        Assert.Null(content.Classifications[0].Evidence);
        Assert.Equal("胸部CT", content.Classifications[1].Evidence);
    }

    [Fact]
    public void Check_ExtractionWithNegatedFindingAndNumericValue_KeepsFindingsAsStrings()
    {
        var check = _schemas.Check(AnnotationType.Extraction, """
            {"findings": ["双肺纹理增多", {"text": "未见明显实质性病变", "negated": true}],
             "measurements": [{"item": "心胸比例", "value": 0.48, "unit": "ratio"}],
             "locations": ["双肺"], "impression": "双肺炎症可能"}
            """);

        var content = Assert.IsType<ExtractionContent>(check.Content);
        Assert.Equal(["双肺纹理增多", "未见明显实质性病变"], content.Findings);
        Assert.Equal([false, true], content.FindingDetails.Select(f => f.Negated));
        Assert.All(content.FindingDetails, f => Assert.Null(f.Grounding));
        Assert.Equal("0.48", content.Measurements[0].Value);
        Assert.Equal("双肺炎症可能", content.Impression);
    }

    [Fact]
    public void Check_ExtractionWithPlainFindings_LeavesDetailsToGrounding()
    {
        var check = _schemas.Check(AnnotationType.Extraction, """{"findings": ["a"], "measurements": [], "locations": [], "impression": ""}""");

        var content = Assert.IsType<ExtractionContent>(check.Content);
        Assert.Empty(content.FindingDetails);
    }

    [Fact]
    public void Check_SeedsScoringExample_ParsesIntoScoringContent()
    {
        var check = _schemas.Check(AnnotationType.Scoring, """
            {"scores": [{"dimension": "报告完整性", "score": 85, "max_score": 100, "reason": "缺少技术参数"}], "overall_score": 87}
            """);

        var content = Assert.IsType<ScoringContent>(check.Content);
        Assert.Equal(87, content.OverallScore);
        Assert.Equal(85, content.Scores[0].Score);
    }

    [Fact]
    public void Check_NotJson_ReportsASyntaxErrorWithoutEchoingTheReply()
    {
        var check = _schemas.Check(AnnotationType.Extraction, "这不是有效的JSON");

        Assert.False(check.IsValid);
        var error = Assert.Single(check.Errors);
        Assert.StartsWith("The reply is not valid JSON", error);
        Assert.DoesNotContain("这不是", error);
    }

    [Fact]
    public void Check_TruncatedJson_IsInvalid() =>
        Assert.False(_schemas.Check(AnnotationType.Highlight, """{"highlights": [{"text": "双肺""").IsValid);

    [Fact]
    public void Check_UnknownCategoryAndMissingField_NamesTheLocations()
    {
        var check = _schemas.Check(AnnotationType.Highlight, """{"highlights": [{"text": "x", "category": "weird", "reason": ""}, {"category": "abnormal", "reason": ""}]}""");

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors, e => e.StartsWith("/highlights/0/category:", StringComparison.Ordinal) && e.EndsWith("(enum)", StringComparison.Ordinal));
        Assert.Contains(check.Errors, e => e.StartsWith("/highlights/1:", StringComparison.Ordinal) && e.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ValidJsonThatBreaksTheSchema_IsInvalid()
    {
        var check = _schemas.Check(AnnotationType.Scoring, """{"scores": "n/a", "overall_score": "n/a"}""");

        Assert.False(check.IsValid);
        Assert.Contains(check.Errors, e => e.StartsWith("/scores:", StringComparison.Ordinal));
        Assert.Contains(check.Errors, e => e.StartsWith("/overall_score:", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ScoreOutOfRange_IsInvalid() =>
        Assert.False(_schemas.Check(AnnotationType.Scoring, """{"scores": [], "overall_score": 130}""").IsValid);

    [Fact]
    public void Check_JsonInAMarkdownFence_IsAccepted() =>
        Assert.True(_schemas.Check(AnnotationType.Scoring, "```json\n{\"scores\": [], \"overall_score\": 50}\n```").IsValid);

    [Theory]
    [InlineData(AnnotationType.Highlight, "highlights")]
    [InlineData(AnnotationType.Classification, "classifications")]
    [InlineData(AnnotationType.Extraction, "findings")]
    [InlineData(AnnotationType.Scoring, "overall_score")]
    public void Get_EachType_IsAnObjectSchemaRequiringItsMainMember(AnnotationType type, string member)
    {
        var schema = _schemas.Get(type);

        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Contains(member, schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("properties").GetProperty(member).ValueKind);
    }
}
