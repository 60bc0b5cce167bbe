using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Concurrency;

namespace ReportLens.Llm.Tests;

public sealed class LlmConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnalysisRequest Request(LlmPriority priority, string tag, int delayMs) =>
        new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Classification, $"{tag} [[emulator:fault=delay:{delayMs}]]", Interactive: priority == LlmPriority.Interactive);

    [Fact]
    public async Task Annotate_SixRequestsWithMaxConcurrentTwo_NeverRunsMoreThanTwoAtOllama()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 4 }, Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString(), ("OLLAMA_MAX_CONCURRENT", "2"));
        var slots = Assert.Single(llm.Pool.Backends).Slots;

        var calls = Enumerable.Range(0, 6).Select(i => llm.Annotator.AnnotateAsync(Request(LlmPriority.Batch, $"r{i}", 150), Ct)).ToList();
        await WaitUntilAsync(() => slots.Queued == 4);
        Assert.Equal(2, slots.InUse);
        var results = await Task.WhenAll(calls);

        Assert.Equal(6, results.Length);
        Assert.Equal(2, emulator.Stats.MaxConcurrent);
        Assert.Equal(6, emulator.Stats.Completed);
        Assert.Contains(results, r => r.QueueWait >= TimeSpan.FromMilliseconds(100));
        Assert.Equal((0, 0), (slots.InUse, slots.Queued));
    }

    [Fact]
    public async Task Annotate_InteractiveQueuedAfterBatch_StartsFirst()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var llm = new LlmTestHost(emulator.BaseUrl.ToString(), ("OLLAMA_MAX_CONCURRENT", "1"));
        var slots = Assert.Single(llm.Pool.Backends).Slots;
        var finished = new List<string>();

        var blocker = Run(LlmPriority.Batch, "blocker", 300);
        await WaitUntilAsync(() => slots.InUse == 1);
        var batch = new[] { Run(LlmPriority.Batch, "batch1", 20), Run(LlmPriority.Batch, "batch2", 20) };
        await WaitUntilAsync(() => slots.Queued == 2);
        var interactive = new[] { Run(LlmPriority.Interactive, "interactive1", 20), Run(LlmPriority.Interactive, "interactive2", 20) };
        await WaitUntilAsync(() => slots.Queued == 4);
        await Task.WhenAll([blocker, .. batch, .. interactive]);

        // One slot: completion order is start order.
        Assert.Equal(["blocker", "interactive1", "interactive2", "batch1", "batch2"], finished);

        async Task Run(LlmPriority priority, string tag, int delayMs)
        {
            await llm.Annotator.AnnotateAsync(Request(priority, tag, delayMs), Ct);
            lock (finished)
            {
                finished.Add(tag);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 5 s");
            await Task.Delay(10, Ct);
        }
    }
}
