using System.Diagnostics;
using Microsoft.Extensions.AI;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Errors;

namespace ReportLens.Llm.Tests;

public sealed class LlmFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnalysisRequest Request(string prompt = "提取") =>
        new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Extraction, prompt);

    [Fact]
    public async Task Annotate_OllamaStopped_ThrowsUnavailableWithinTheConnectTimeout()
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var url = emulator.BaseUrl.ToString();
        await emulator.DisposeAsync();
        using var llm = new LlmTestHost(url);

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmUnavailableException>(() => llm.Annotator.AnnotateAsync(Request(), Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.Contains("ollama serve", error.Message);
        Assert.Contains("docker compose up -d ollama", error.Message);
        Assert.Contains(new Uri(url).GetLeftPart(UriPartial.Authority), error.Message);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Annotate_ModelNeverAnswers_ThrowsTimeoutAfterTheConfiguredTimeout()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString(), ("OLLAMA_TIMEOUT", "1"));

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LlmTimeoutException>(() => llm.Annotator.AnnotateAsync(Request("x [[emulator:fault=timeout]]"), Ct));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(1), error.Timeout);
        Assert.Contains("OLLAMA_TIMEOUT", error.Message);
    }

    [Fact]
    public async Task Annotate_CallerCancels_IsACancellationNotATimeout()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString(), ("OLLAMA_TIMEOUT", "30"));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => llm.Annotator.AnnotateAsync(Request("x [[emulator:fault=timeout]]"), cts.Token));

        Assert.IsNotAssignableFrom<LlmException>(error);
    }

    [Fact]
    public async Task HealthCheck_OllamaRunning_ReportsVersionModelsAndTheConfiguredModel()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString());

        var report = await llm.Health.CheckAsync(Ct);

        Assert.True(report.Reachable);
        Assert.Equal(emulator.Options.Version, report.Version);
        Assert.Contains("qwen2.5:7b", report.Models);
        Assert.True(report.ModelAvailable);
        Assert.Null(report.Error);
    }

    [Fact]
    public async Task HealthCheck_ModelNotPulled_IsReachableButSaysHowToPullIt()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString(), ("OLLAMA_MODEL", "deepseek-r1:70b"));

        var report = await llm.Health.CheckAsync(Ct);

        Assert.True(report.Reachable);
        Assert.False(report.ModelAvailable);
        Assert.Contains("ollama pull deepseek-r1:70b", report.Error);
    }

    [Fact]
    public async Task HealthCheck_OllamaStopped_IsUnreachableSayingHowToStartIt()
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        var url = emulator.BaseUrl.ToString();
        await emulator.DisposeAsync();
        using var llm = new LlmTestHost(url);

        var report = await llm.Health.CheckAsync(Ct);

        Assert.False(report.Reachable);
        Assert.False(report.ModelAvailable);
        Assert.Contains("ollama serve", report.Error);
        Assert.False(Assert.Single(report.Backends).Reachable);
    }

    [Fact]
    public async Task HealthCheck_CalledTwiceQuickly_IsAnsweredFromCache()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString());

        var first = await llm.Health.CheckAsync(Ct);
        var second = await llm.Health.CheckAsync(Ct);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Chat_Success_ReturnsTheModelsReplyAndUsage()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString());
        var backend = Assert.Single(llm.Pool.Backends);

        var response = await backend.ChatClient("qwen2.5:7b").GetResponseAsync([new ChatMessage(ChatRole.User, "测试")], new ChatOptions { ModelId = "qwen2.5:7b" }, Ct);

        Assert.Equal("qwen2.5:7b", response.ModelId);
        Assert.NotEmpty(response.Text);
        Assert.True(response.Usage?.OutputTokenCount > 0);
    }
}
