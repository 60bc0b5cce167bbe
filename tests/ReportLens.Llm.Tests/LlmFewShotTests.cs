using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Tests;

/// <summary>Few-shot examples on the wire: example turns between the system prompt and the report, and their prompt version.</summary>
public sealed class LlmFewShotTests
{
    private const string ValidExtraction = """{"findings": ["双肺纹理增多"], "measurements": [], "locations": ["双肺"], "impression": ""}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The first gold records of a language in the corpus.</summary>
    private static List<JsonElement> GoldRecords(string language, int count) =>
    [
        .. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl"))
            .Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("language").GetString() == language).Take(count),
    ];

    private static FewShotSet Set(AnnotationType type, ReportLanguage language, int count) =>
        FewShotSetBuilder.Build(type, language, GoldRecords(language.ToCode(), count), PromptLibrary.Default.Version) is { Set: { } set } ? set
            : throw new InvalidOperationException("the corpus records should make a valid set");

    [Fact]
    public async Task Annotate_WithExamples_SendsThemAsTurnsBeforeTheReportAndReturnsTheirPromptVersion()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction, ValidExtraction);
        using var llm = new LlmTestHost(server.BaseUrl.ToString());
        var examples = Set(AnnotationType.Extraction, ReportLanguage.Zh, 2);

        var few = await llm.Annotator.AnnotateAsync(new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Extraction, "提取发现", FewShot: examples), Ct);
        var zero = await llm.Annotator.AnnotateAsync(new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Extraction, "提取发现"), Ct);

        var sent = server.Requests.ToArray();
        var messages = sent[0]["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user", "assistant", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal(PromptLibrary.Default.Get(AnnotationType.Extraction, ReportLanguage.Zh), (string?)messages[0]!["content"]);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(PromptLibrary.Default.BuildUserMessage("", examples.Examples[i].ReportText, ReportLanguage.Zh), (string?)messages[1 + (2 * i)]!["content"]);
            Assert.Equal(examples.Examples[i].Answer, (string?)messages[2 + (2 * i)]!["content"]);
        }

        Assert.Equal(PromptLibrary.Default.BuildUserMessage("提取发现", SampleReports.Chinese, ReportLanguage.Zh), (string?)messages[5]!["content"]);
        Assert.Equal(["system", "user"], sent[1]["messages"]!.AsArray().Select(m => (string?)m!["role"]));
        Assert.Equal(examples.PromptVersion, few.PromptVersion);
        Assert.StartsWith(PromptLibrary.Default.Version + "+fs.", few.PromptVersion, StringComparison.Ordinal);
        Assert.Equal(PromptLibrary.Default.Version, zero.PromptVersion);
    }

    [Fact]
    public async Task Annotate_WithExamplesWhenTheReplyFailsItsSchema_NamesTheSetsPromptVersion()
    {
        await using var server = await WireCaptureServer.StartAsync("{}", "{}");
        using var llm = new LlmTestHost(server.BaseUrl.ToString());
        var examples = Set(AnnotationType.Extraction, ReportLanguage.Zh, 1);

        var failure = await Assert.ThrowsAsync<LlmSchemaException>(() =>
            llm.Annotator.AnnotateAsync(new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Extraction, "", FewShot: examples), Ct));

        Assert.Equal(examples.PromptVersion, failure.PromptVersion);
    }

    [Theory]
    [InlineData(AnnotationType.Highlight, ReportLanguage.Zh)]
    [InlineData(AnnotationType.Classification, ReportLanguage.Zh)]
    [InlineData(AnnotationType.Extraction, ReportLanguage.Zh)]
    [InlineData(AnnotationType.Highlight, ReportLanguage.En)]
    [InlineData(AnnotationType.Classification, ReportLanguage.En)]
    [InlineData(AnnotationType.Extraction, ReportLanguage.En)]
    public void ExampleAnswers_FromTheGoldCorpus_PassTheirTypesSchema(AnnotationType type, ReportLanguage language)
    {
        var schemas = new AnnotationSchemas();

        var set = Set(type, language, FewShotLimits.MaxExamples);

        Assert.Equal(FewShotLimits.MaxExamples, set.Examples.Count);
        Assert.All(set.Examples, e => Assert.True(schemas.Check(type, e.Answer).IsValid, $"{e.Name}: {string.Join("; ", schemas.Check(type, e.Answer).Errors)}"));
    }
}
