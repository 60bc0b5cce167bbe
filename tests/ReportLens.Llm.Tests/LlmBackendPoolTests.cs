using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Errors;

namespace ReportLens.Llm.Tests;

public sealed class LlmBackendPoolTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnalysisRequest Request(string? model = null, string prompt = "分类", LlmPriority priority = LlmPriority.Interactive) =>
        new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Classification, prompt, Model: model, Interactive: priority == LlmPriority.Interactive);

    private static LlmTestHost Pool(EmulatorHost a, EmulatorHost b, params (string, string)[] settings) =>
        new($"{a.BaseUrl},{b.BaseUrl}", [("Llm:BreakerBreakSeconds", "30"), .. settings]);

    private static string Authority(EmulatorHost emulator) => emulator.BaseUrl.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Annotate_EightConcurrentOnTwoEndpoints_SplitsThemFourAndFour()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        await using var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = Pool(a, b);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => llm.Annotator.AnnotateAsync(Request(prompt: $"分类 {i} [[emulator:fault=delay:100]]"), Ct)));

        Assert.Equal((4, 4), (a.Stats.Completed, b.Stats.Completed));
        Assert.Equal(4, results.Count(r => r.Backend == Authority(a)));
    }

    [Fact]
    public async Task Annotate_SequentialCallsOnIdleEndpoints_GoRoundRobin()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        await using var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = Pool(a, b);

        for (var i = 0; i < 4; i++)
        {
            await llm.Annotator.AnnotateAsync(Request(), Ct);
        }

        Assert.Equal((2, 2), (a.Stats.Completed, b.Stats.Completed));
    }

    [Fact]
    public async Task Annotate_ModelOnOnlyOneEndpoint_GoesToThatEndpoint()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions { Models = ["qwen2.5:7b"] }, Ct);
        await using var b = await EmulatorHost.StartAsync(new EmulatorOptions { Models = ["qwen2.5:7b", "llama3.1:8b"] }, Ct);
        using var llm = Pool(a, b);
        await llm.Pool.RefreshAsync(Ct);

        var results = new List<LlmAnnotationResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await llm.Annotator.AnnotateAsync(Request(model: "llama3.1:8b"), Ct));
        }

        Assert.All(results, r => Assert.Equal(Authority(b), r.Backend));
        Assert.Equal(0, a.Stats.Requests);
        await Assert.ThrowsAsync<LlmModelNotFoundException>(() => llm.Annotator.AnnotateAsync(Request(model: "gemma2:9b"), Ct));
    }

    [Fact]
    public async Task Annotate_OneEndpointStoppedMidway_FailsOverAndTakesItOut()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = Pool(a, b);
        for (var i = 0; i < 4; i++)
        {
            await llm.Annotator.AnnotateAsync(Request(), Ct);
        }

        await b.DisposeAsync();
        for (var i = 0; i < 10; i++)
        {
            var result = await llm.Annotator.AnnotateAsync(Request(priority: i % 2 == 0 ? LlmPriority.Batch : LlmPriority.Interactive), Ct);
            Assert.Equal(Authority(a), result.Backend);
        }

        var snapshot = llm.Pool.GetBackendsSnapshot();
        var down = snapshot.Single(s => s.Name == Authority(b));
        Assert.Equal(LlmBackendState.Open, down.State);
        Assert.Contains("not reachable", down.LastError);
        Assert.NotNull(down.OpenUntil);
        Assert.Equal(LlmBackendState.Healthy, snapshot.Single(s => s.Name == Authority(a)).State);
        Assert.Equal(12, a.Stats.Completed);
    }

    [Fact]
    public async Task Stream_OneEndpointStopped_FailsOverBeforeAnyTextLikeAnnotate()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = Pool(a, b);
        await b.DisposeAsync();

        // Round-robin sends every other first try to the stopped endpoint; each stream still ends on the live one.
        for (var i = 0; i < 4; i++)
        {
            var updates = new List<LlmStreamUpdate>();
            await foreach (var update in llm.Annotator.StreamAnnotateAsync(Request(), Ct))
            {
                updates.Add(update);
            }

            Assert.Contains(updates, u => u.Kind == LlmStreamUpdateKind.Text);
            Assert.Equal(Authority(a), Assert.Single(updates, u => u.Kind == LlmStreamUpdateKind.Result).Result!.Backend);
        }

        Assert.Equal(4, a.Stats.Completed);
    }

    [Fact]
    public async Task Refresh_StoppedEndpointBackAfterItsBreak_IsProbedBackIn()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var url = b.BaseUrl.ToString();
        using var llm = Pool(a, b, ("Llm:BreakerBreakSeconds", "0.5"));
        await b.DisposeAsync();
        for (var i = 0; i < 6; i++)
        {
            await llm.Annotator.AnnotateAsync(Request(), Ct);
        }

        Assert.Equal(LlmBackendState.Open, llm.Pool.GetBackendsSnapshot()[1].State);
        await using var restarted = await EmulatorHost.StartAsync(new EmulatorOptions { Url = url.TrimEnd('/') }, Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
        Assert.Equal(LlmBackendState.HalfOpen, llm.Pool.GetBackendsSnapshot()[1].State);

        await llm.Pool.RefreshAsync(Ct);

        Assert.Equal(LlmBackendState.Healthy, llm.Pool.GetBackendsSnapshot()[1].State);
        await llm.Annotator.AnnotateAsync(Request(), Ct);
        await llm.Annotator.AnnotateAsync(Request(), Ct);
        Assert.Equal(1, restarted.Stats.Completed);
    }

    [Fact]
    public async Task Annotate_AllEndpointsDown_ThrowsUnavailableAtOnce()
    {
        var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var b = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = Pool(a, b);
        await a.DisposeAsync();
        await b.DisposeAsync();
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<LlmUnavailableException>(() => llm.Annotator.AnnotateAsync(Request(), Ct));
        }

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => llm.Annotator.AnnotateAsync(Request(), Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(100), $"took {clock.Elapsed}");
        Assert.StartsWith("All 2 LLM endpoint(s) are out of the pool", error.Message);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.All(llm.Pool.GetBackendsSnapshot(), s => Assert.Equal(LlmBackendState.Open, s.State));
    }

    [Fact]
    public async Task Snapshot_AfterCalls_ShowsSlotsModelsLatencyAndSpeed()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions { DecodeTokensPerSecond = 2000 }, Ct);
        using var llm = new LlmTestHost(a.BaseUrl.ToString(), ("OLLAMA_MAX_CONCURRENT", "3"));
        await llm.Pool.RefreshAsync(Ct);
        await llm.Annotator.AnnotateAsync(Request(), Ct);
        await llm.Annotator.AnnotateAsync(Request(), Ct);

        var backend = Assert.Single(llm.Pool.GetBackendsSnapshot());

        Assert.Equal((Authority(a), LlmBackendKind.Ollama, LlmBackendState.Healthy), (backend.Name, backend.Kind, backend.State));
        Assert.Equal((3, 0, 0), (backend.Slots, backend.InUse, backend.Queued));
        Assert.Equal(a.Options.Models.Order(StringComparer.Ordinal), backend.Models);
        Assert.True(backend.LatencyP50Ms > 0);
        Assert.InRange(backend.TokensPerSecond!.Value, 1000, 4000);
        Assert.NotNull(backend.LastSuccessAt);
        Assert.NotNull(backend.ModelsRefreshedAt);
        Assert.Null(backend.OpenUntil);
    }

    [Fact]
    public async Task Snapshot_OpenAiEndpointConfigured_IsListedWithItsModelsAndSlots()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(
            a.BaseUrl.ToString(),
            ("Llm:OpenAiEndpoints:0:Name", "vllm-1"),
            ("Llm:OpenAiEndpoints:0:Url", "http://127.0.0.1:9/v1"),
            ("Llm:OpenAiEndpoints:0:Models:0", "Qwen/Qwen2.5-7B-Instruct"),
            ("Llm:OpenAiEndpoints:0:Slots", "16"));

        var vllm = llm.Pool.GetBackendsSnapshot().Single(s => s.Kind == LlmBackendKind.OpenAi);

        Assert.Equal(("vllm-1", "http://127.0.0.1:9/v1", 16), (vllm.Name, vllm.Url, vllm.Slots));
        Assert.Equal(["Qwen/Qwen2.5-7B-Instruct:latest"], vllm.Models);
        var result = await llm.Annotator.AnnotateAsync(Request(), Ct);
        Assert.Equal(Authority(a), result.Backend);
    }

    [Fact]
    public async Task Monitor_HostStarted_RefreshesModelListsByItself()
    {
        await using var a = await EmulatorHost.StartAsync(new EmulatorOptions { Models = ["qwen2.5:7b"] }, Ct);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("OLLAMA_BASE_URL", (string?)a.BaseUrl.ToString())]);
        builder.Services.AddReportLensLlm(builder.Configuration);
        using var host = builder.Build();
        var pool = host.Services.GetRequiredService<LlmBackendPool>();

        await host.StartAsync(Ct);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (pool.GetBackendsSnapshot()[0].Models.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        await host.StopAsync(Ct);
        Assert.Equal(["qwen2.5:7b"], pool.GetBackendsSnapshot()[0].Models);
    }
}
