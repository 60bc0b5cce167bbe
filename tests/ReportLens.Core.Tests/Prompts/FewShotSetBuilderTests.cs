using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Core.Tests.Prompts;

public sealed class FewShotSetBuilderTests
{
    // The emoji is two UTF-16 units: a start counted in code points lands one unit short.
    private const string Text = "检查所见：患者😀右肺上叶见一磨玻璃结节，大小约8mm。未见胸腔积液。";

    private static readonly string Version = PromptLibrary.Default.Version;

    private static JsonElement Record(string id = "zh-ct-chest-901", int? start = null, string language = "zh", string text = Text, string urgency = "异常轻微") =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["text"] = text,
            ["language"] = language,
            ["modality"] = "CT",
            ["body_part"] = "胸部",
            ["urgency"] = urgency,
            ["follow_up"] = true,
            ["findings"] = new object[]
            {
                new Dictionary<string, object?> { ["text"] = "磨玻璃结节", ["abnormal"] = true, ["start"] = start },
                new { text = "胸腔积液", negated = true },
            },
            ["measurements"] = new[] { new { text = "8mm", value = "8", unit = "mm", item = "结节大小" } },
            ["locations"] = new[] { "右肺上叶" },
            ["impression"] = null,
        });

    [Fact]
    public void Build_HighlightFromGold_AnswersInReadingOrderWithoutOffsets()
    {
        var build = FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record(start: Text.IndexOf("磨玻璃结节", StringComparison.Ordinal))], Version);

        Assert.True(build.IsValid, string.Join("; ", build.Errors));
        var example = Assert.Single(build.Set!.Examples);
        Assert.Equal(("zh-ct-chest-901", Text), (example.Name, example.ReportText));
        var items = JsonDocument.Parse(example.Answer).RootElement.GetProperty("highlights").EnumerateArray().ToList();
        Assert.Equal(["右肺上叶", "磨玻璃结节", "8mm", "胸腔积液"], items.Select(i => i.GetProperty("text").GetString()));
        Assert.Equal(["location", "abnormal", "measurement", "abnormal"], items.Select(i => i.GetProperty("category").GetString()));
        Assert.Equal([false, false, false, true], items.Select(i => i.GetProperty("negated").GetBoolean()));
        Assert.All(items, i => Assert.False(i.TryGetProperty("start", out _)));
    }

    [Fact]
    public void Build_ExtractionAndClassification_FollowTheirSchemasShape()
    {
        var extraction = JsonDocument.Parse(FewShotSetBuilder.Build(AnnotationType.Extraction, ReportLanguage.Zh, [Record()], Version).Set!.Examples[0].Answer).RootElement;
        Assert.Equal(JsonValueKind.String, extraction.GetProperty("findings")[0].ValueKind);
        Assert.True(extraction.GetProperty("findings")[1].GetProperty("negated").GetBoolean());
        Assert.Equal("结节大小", extraction.GetProperty("measurements")[0].GetProperty("item").GetString());
        Assert.Equal("", extraction.GetProperty("impression").GetString());

        var classification = JsonDocument.Parse(FewShotSetBuilder.Build(AnnotationType.Classification, ReportLanguage.Zh, [Record()], Version).Set!.Examples[0].Answer).RootElement;
        Assert.Equal(
            ["异常轻微", "胸部", "CT", "是", "否"],
            classification.GetProperty("classifications").EnumerateArray().Select(c => c.GetProperty("category").GetString()));
    }

    [Fact]
    public void Build_StartCountedInCodePoints_IsRefusedNamingTheExampleAndField()
    {
        var utf16 = Text.IndexOf("磨玻璃结节", StringComparison.Ordinal);
        var codePoints = Text[..utf16].EnumerateRunes().Count();
        Assert.Equal(utf16 - 1, codePoints);

        var build = FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record("zh-ok", utf16), Record("zh-emoji", codePoints)], Version);

        Assert.False(build.IsValid);
        var (field, message) = Assert.Single(build.Errors);
        Assert.Equal("examples[1].findings[0].start", field);
        Assert.Contains("'zh-emoji'", message, StringComparison.Ordinal);
        Assert.Contains("UTF-16", message, StringComparison.Ordinal);
        Assert.DoesNotContain("磨玻璃", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadRecords_ReportEveryProblemByExample()
    {
        var notASubstring = Record("zh-b") is var r ? JsonSerializer.SerializeToElement(
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(r)!.Select(p => p.Key == "locations"
                ? new KeyValuePair<string, JsonElement>(p.Key, JsonSerializer.SerializeToElement(new[] { "左肺下叶" })) : p).ToDictionary()) : default;
        var missingText = JsonSerializer.SerializeToElement(new { id = "zh-c", language = "zh" });
        var nullList = JsonSerializer.SerializeToElement(new { id = "zh-d", text = Text, language = "zh", modality = "CT", body_part = "胸部", urgency = "正常", locations = (string[]?)null });
        var nullEntry = JsonSerializer.SerializeToElement(new { id = "zh-e", text = Text, language = "zh", modality = "CT", body_part = "胸部", urgency = "正常", findings = new object?[] { null } });

        var build = FewShotSetBuilder.Build(AnnotationType.Classification, ReportLanguage.Zh,
            [Record("zh-a", language: "en", urgency: "严重"), notASubstring, missingText, JsonSerializer.SerializeToElement(3), nullList, nullEntry], Version);

        Assert.Equal(
            ["examples[0].language", "examples[0].urgency", "examples[1].locations[0]", "examples[2]", "examples[3]", "examples[4].locations", "examples[5].findings[0]"],
            build.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_LimitsAndScoring_AreRefused()
    {
        Assert.Contains("examples", FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [], Version).Errors.Keys);
        var many = Enumerable.Range(0, FewShotLimits.MaxExamples + 1).Select(i => Record($"zh-{i}")).ToList();
        Assert.Contains("examples", FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, many, Version).Errors.Keys);
        var longText = Text + new string('。', FewShotLimits.MaxReportChars);
        Assert.Contains("examples[0].text", FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record(text: longText)], Version).Errors.Keys);
        Assert.Contains("annotation_type", FewShotSetBuilder.Build(AnnotationType.Scoring, ReportLanguage.Zh, [Record()], Version).Errors.Keys);
    }

    [Fact]
    public void Create_Version_FollowsTheExamplesAndTheLibrary()
    {
        var one = FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record()], Version).Set!;
        var again = FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record("another-name")], Version).Set!;
        var changed = FewShotSetBuilder.Build(AnnotationType.Highlight, ReportLanguage.Zh, [Record(urgency: "正常"), Record("zh-2")], Version).Set!;

        Assert.StartsWith(Version + "+fs.", one.PromptVersion, StringComparison.Ordinal);
        Assert.True(one.PromptVersion.Length <= 40);
        Assert.Equal(one.PromptVersion, again.PromptVersion);
        Assert.NotEqual(one.PromptVersion, changed.PromptVersion);
        Assert.NotEqual(one.PromptVersion, FewShotSet.Create(AnnotationType.Highlight, ReportLanguage.Zh, one.Examples, "2099-01-01.1").PromptVersion);
        Assert.Equal(Version, FewShotSet.None(AnnotationType.Highlight, ReportLanguage.Zh, Version).PromptVersion);
    }
}
