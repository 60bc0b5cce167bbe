using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Tests;

public sealed class LlmAnnotatorTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private LlmTestHost _llm = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        _llm = new LlmTestHost(_emulator.BaseUrl.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _llm.Dispose();
        await _emulator.DisposeAsync();
    }

    public static TheoryData<AnnotationType, ReportLanguage> TypesAndLanguages()
    {
        var data = new TheoryData<AnnotationType, ReportLanguage>();
        foreach (var type in Enum.GetValues<AnnotationType>())
        {
            data.Add(type, ReportLanguage.Zh);
            data.Add(type, ReportLanguage.En);
        }

        return data;
    }

    private static AnalysisRequest Request(AnnotationType type, ReportLanguage language = ReportLanguage.Zh, string? prompt = null, string? model = null, double? temperature = null) =>
        new(SampleReports.For(language), language, type, prompt ?? SampleReports.Prompt(language), Model: model, Temperature: temperature);

    [Theory]
    [MemberData(nameof(TypesAndLanguages))]
    public async Task Annotate_EachTypeAndLanguage_ReturnsParsedContentWithTokensAndDurations(AnnotationType type, ReportLanguage language)
    {
        var result = await _llm.Annotator.AnnotateAsync(Request(type, language), Ct);

        Assert.Equal(type, result.Content.Type);
        Assert.Equal("qwen2.5:7b", result.Model);
        Assert.Equal(_emulator.BaseUrl.GetLeftPart(UriPartial.Authority), result.Backend);
        Assert.Equal(PromptLibrary.Default.Version, result.PromptVersion);
        Assert.Equal(PromptLibrary.Default.DefaultTemperature(type), result.Temperature);
        Assert.Equal(0, result.SchemaRepairs);
        Assert.True(result.PromptTokens > 0);
        Assert.True(result.OutputTokens > 0);
        Assert.True(result.TotalDurationNs > 0);
        Assert.NotNull(result.LoadDurationNs);
        Assert.True(result.PromptEvalDurationNs > 0);
        Assert.True(result.EvalDurationNs > 0);
        Assert.True(result.Elapsed > TimeSpan.Zero);
        Assert.StartsWith("{", result.RawReply.TrimStart());
    }

    [Theory]
    [InlineData(ReportLanguage.Zh)]
    [InlineData(ReportLanguage.En)]
    public async Task Annotate_Highlight_QuotesTextThatStandsInTheReport(ReportLanguage language)
    {
        var result = await _llm.Annotator.AnnotateAsync(Request(AnnotationType.Highlight, language), Ct);

        var content = Assert.IsType<HighlightContent>(result.Content);
        Assert.NotEmpty(content.Highlights);
        Assert.All(content.Highlights, h => Assert.Contains(h.Text, SampleReports.For(language)));
    }

    [Fact]
    public async Task Annotate_SeedsAnalyzeExample_ExtractsFindingsFromTheReport()
    {
        const string report = "双肺纹理增多，心影不大。";
        var result = await _llm.Annotator.AnnotateAsync(new AnalysisRequest(report, ReportLanguage.Zh, AnnotationType.Extraction, "提取发现和部位"), Ct);

        var content = Assert.IsType<ExtractionContent>(result.Content);
        Assert.NotEmpty(content.Findings);
        Assert.All(content.Findings, f => Assert.Contains(f, report));
    }

    [Fact]
    public async Task Annotate_RequestSetsModelAndTemperature_UsesThem()
    {
        var result = await _llm.Annotator.AnnotateAsync(Request(AnnotationType.Scoring, model: "llama3.1:8b", temperature: 0.1), Ct);

        Assert.Equal("llama3.1:8b", result.Model);
        Assert.Equal(0.1, result.Temperature);
        Assert.Equal(1, _emulator.Stats.RequestsPerModel["llama3.1:8b"]);
    }

    [Fact]
    public async Task Annotate_InvalidJsonOnce_RepairsWithOneMoreCall()
    {
        var result = await _llm.Annotator.AnnotateAsync(Request(AnnotationType.Extraction, prompt: "提取 [[emulator:fault=invalid_json_once]]"), Ct);

        Assert.Equal(1, result.SchemaRepairs);
        Assert.IsType<ExtractionContent>(result.Content);
        var rejected = Assert.Single(result.RejectedReplies);
        Assert.False(new AnnotationSchemas().Check(AnnotationType.Extraction, rejected).IsValid);
        Assert.Equal(2, _emulator.Stats.Requests);
    }

    [Fact]
    public async Task Annotate_InvalidJsonTwice_ThrowsSchemaExceptionKeepingBothRawReplies()
    {
        var error = await Assert.ThrowsAsync<LlmSchemaException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Highlight, prompt: "标注 [[emulator:fault=invalid_json]]"), Ct));

        Assert.Equal(2, error.RawReplies.Count);
        Assert.All(error.RawReplies, r => Assert.False(string.IsNullOrEmpty(r)));
        Assert.Contains(error.Errors, e => e.StartsWith("The reply is not valid JSON", StringComparison.Ordinal));
        Assert.False(error.IsTransient);
        Assert.Equal(2, _emulator.Stats.Requests);
    }

    [Fact]
    public async Task Annotate_SchemaViolationTwice_ThrowsSchemaExceptionNamingTheMembers()
    {
        var error = await Assert.ThrowsAsync<LlmSchemaException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Scoring, prompt: "评分 [[emulator:fault=schema_violation]]"), Ct));

        Assert.Contains(error.Errors, e => e.StartsWith("/scores:", StringComparison.Ordinal));
        Assert.Equal("{", error.LastRawReply.TrimStart()[..1]);
    }

    [Fact]
    public async Task Annotate_ModelNotPulled_ThrowsModelNotFoundSayingHowToPullIt()
    {
        var error = await Assert.ThrowsAsync<LlmModelNotFoundException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Extraction, model: "nope:1b"), Ct));

        Assert.Equal("nope:1b", error.Model);
        Assert.Contains("ollama pull nope:1b", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Annotate_UnknownModelFault_ThrowsModelNotFound() =>
        await Assert.ThrowsAsync<LlmModelNotFoundException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Extraction, prompt: "x [[emulator:fault=unknown_model]]"), Ct));

    [Fact]
    public async Task Annotate_OllamaBusy_ThrowsBusy()
    {
        var error = await Assert.ThrowsAsync<LlmBusyException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Extraction, prompt: "x [[emulator:fault=busy]]"), Ct));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Annotate_OllamaInternalError_PassesOllamasTextOn()
    {
        var error = await Assert.ThrowsAsync<LlmBackendException>(() =>
            _llm.Annotator.AnnotateAsync(Request(AnnotationType.Extraction, prompt: "x [[emulator:fault=http500]]"), Ct));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("llama runner process has terminated", error.BackendError);
        Assert.Contains("llama runner process has terminated", error.Message);
    }

    [Fact]
    public async Task Stream_Annotate_YieldsTheReplyTextThenTheValidatedResult()
    {
        var updates = new List<LlmStreamUpdate>();
        await foreach (var update in _llm.Annotator.StreamAnnotateAsync(Request(AnnotationType.Classification), Ct))
        {
            updates.Add(update);
        }

        var last = updates[^1];
        Assert.Equal(LlmStreamUpdateKind.Result, last.Kind);
        Assert.True(updates.Count(u => u.Kind == LlmStreamUpdateKind.Text) > 1);
        Assert.Equal(last.Result!.RawReply, string.Concat(updates.Where(u => u.Kind == LlmStreamUpdateKind.Text).Select(u => u.Text)));
        Assert.IsType<ClassificationContent>(last.Result.Content);
        Assert.True(last.Result.OutputTokens > 0);
        Assert.True(last.Result.EvalDurationNs > 0);
    }

    [Fact]
    public async Task Stream_InvalidJsonOnce_AnnouncesTheRepairAndSucceeds()
    {
        var updates = new List<LlmStreamUpdate>();
        await foreach (var update in _llm.Annotator.StreamAnnotateAsync(Request(AnnotationType.Highlight, prompt: "x [[emulator:fault=invalid_json_once]]"), Ct))
        {
            updates.Add(update);
        }

        Assert.Contains(updates, u => u.Kind == LlmStreamUpdateKind.Repair);
        Assert.Equal(1, updates[^1].Result!.SchemaRepairs);
        Assert.Contains(updates, u => u.Kind == LlmStreamUpdateKind.Text && u.Attempt == 2);
    }
}
