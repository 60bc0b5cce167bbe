using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.OllamaEmulator.Faults;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Errors;

namespace ReportLens.Llm.Tests;

/// <summary>Reasoning models (qwen3, deepseek-r1, gpt-oss) against the emulator's thinking mode.</summary>
public sealed class LlmThinkingTests : IAsyncLifetime
{
    private const string ThinkingModel = "qwen3:8b";
    private EmulatorHost _emulator = null!;
    private LlmTestHost _llm = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Models = ["qwen2.5:7b", ThinkingModel] }, Ct);
        _llm = new LlmTestHost(_emulator.BaseUrl.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        _llm.Dispose();
        await _emulator.DisposeAsync();
    }

    private static AnalysisRequest Request(string? fault = null, string model = ThinkingModel) =>
        new(SampleReports.Chinese + (fault is null ? "" : $"\n[[emulator:fault={fault}]]"), ReportLanguage.Zh, AnnotationType.Extraction, "提取发现", Model: model);

    [Fact]
    public async Task Annotate_ThinkingModel_IsAskedNotToThinkAndAnswersWithoutReasoning()
    {
        // The emulator's qwen3 reasons (a <think> block) unless the request sends think=false.
        var result = await _llm.Annotator.AnnotateAsync(Request(), Ct);

        Assert.False(result.Thought);
        Assert.Equal(0, result.SchemaRepairs);
        Assert.NotEmpty(Assert.IsType<ExtractionContent>(result.Content).Findings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Annotate_ModelThatThinksAnyway_HasItsThinkBlockRemovedBeforeParsing(bool streamed)
    {
        var request = Request(EmulatorFaults.ThinkInline);

        var result = streamed ? await StreamAsync(request) : await _llm.Annotator.AnnotateAsync(request, Ct);

        Assert.True(result.Thought);
        Assert.Equal(0, result.SchemaRepairs);
        Assert.DoesNotContain("<think>", result.RawReply, StringComparison.Ordinal);
        Assert.StartsWith("{", result.RawReply, StringComparison.Ordinal);
        Assert.NotEmpty(Assert.IsType<ExtractionContent>(result.Content).Findings);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Annotate_ModelThatOnlyThinks_FailsWithTheThinkingErrorNotASchemaFailure(bool streamed)
    {
        var request = Request(EmulatorFaults.ThinkOnly);

        var error = await Assert.ThrowsAsync<LlmThinkingOnlyException>(async () => _ = streamed ? await StreamAsync(request) : await _llm.Annotator.AnnotateAsync(request, Ct));

        Assert.Equal(ThinkingModel, error.Model);
        Assert.False(error.IsTransient);
        Assert.Contains("only reasoned", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _emulator.Stats.Requests);
    }

    [Fact]
    public async Task Annotate_ModelWithoutThinking_IsNotSentThink()
    {
        await using var server = await ReportLens.Testing.WireCaptureServer.StartAsync(
            """{"findings": ["双肺纹理增多"], "measurements": [], "locations": [], "impression": ""}""");
        using var llm = new LlmTestHost(server.BaseUrl.ToString());

        await llm.Annotator.AnnotateAsync(Request(model: "qwen2.5:7b"), Ct);

        Assert.False(Assert.Single(server.Requests).ContainsKey("think"));
    }

    private async Task<LlmAnnotationResult> StreamAsync(AnalysisRequest request)
    {
        await foreach (var update in _llm.Annotator.StreamAnnotateAsync(request, Ct))
        {
            if (update.Result is { } result)
            {
                return result;
            }
        }

        throw new InvalidOperationException("no result");
    }
}
