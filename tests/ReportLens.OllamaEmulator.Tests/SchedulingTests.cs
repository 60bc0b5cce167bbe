using System.Diagnostics;
using System.Net;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

public sealed class SchedulingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_QueueFull_Returns503BusyWhileOthersComplete()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 1, MaxQueue = 1 }, Ct);
        using var http = emulator.Client();

        var running = http.PostAsync("/api/chat", EmulatorRequests.Chat("[[emulator:fault=delay:1500]] 第一个"), Ct);
        await WaitUntilAsync(() => emulator.Stats.InFlight == 1);
        var queued = http.PostAsync("/api/chat", EmulatorRequests.Chat("[[emulator:fault=delay:100]] 第二个"), Ct);
        await WaitUntilAsync(() => emulator.Stats.Queued == 1);
        using var rejected = await http.PostAsync("/api/chat", EmulatorRequests.Chat("第三个"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
        Assert.Equal("""{"error":"server busy, please try again.  maximum pending requests exceeded"}""", await rejected.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
        Assert.Equal(1, emulator.Stats.BusyRejections);
        Assert.Equal(2, emulator.Stats.Completed);
        Assert.Equal(1, emulator.Stats.MaxConcurrent);
    }

    [Fact]
    public async Task Chat_TwoSlotsFourRequests_RunTwoAtATimeInTheModelledTime()
    {
        var options = new EmulatorOptions { Parallel = 2, PromptTokensPerSecond = 1000, DecodeTokensPerSecond = 60 };
        await using var emulator = await EmulatorHost.StartAsync(options, Ct);
        using var http = emulator.Client();
        var body = EmulatorRequests.Chat("双肺纹理增多，右肺上叶见结节。心影不大，心胸比例约0.48。");
        var warmUp = await (await http.PostAsync("/api/chat", body, Ct)).ReadObjectAsync(Ct);
        var perRequest = TimeSpan.FromSeconds(warmUp["prompt_eval_count"]!.GetValue<int>() / options.PromptTokensPerSecond
            + warmUp["eval_count"]!.GetValue<int>() / options.DecodeTokensPerSecond);

        var stopwatch = Stopwatch.StartNew();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => await http.PostAsync("/api/chat", body, Ct)));
        var elapsed = stopwatch.Elapsed;

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(perRequest > TimeSpan.FromMilliseconds(300), $"per request {perRequest}");
        Assert.Equal(2, emulator.Stats.MaxConcurrent);
        Assert.Equal(5, emulator.Stats.Completed);
        // Two waves of two: at least 2 × t; serial execution would take 4 × t.
        Assert.True(elapsed >= perRequest * 2 * 0.95 && elapsed < perRequest * 3.5, $"elapsed {elapsed}, per request {perRequest}");
    }

    [Fact]
    public async Task Chat_Streamed_ChunksArePacedOverTheModelledEvalTime()
    {
        var options = new EmulatorOptions { DecodeTokensPerSecond = 100 };
        await using var emulator = await EmulatorHost.StartAsync(options, Ct);
        using var http = emulator.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
        {
            Content = new StringContent(EmulatorRequests.Chat("双肺纹理增多，右肺上叶见结节。心影不大。", stream: true).ToJsonString()),
        };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var first = await reader.ReadLineAsync(Ct);
        var sinceFirst = Stopwatch.StartNew();
        string? last = first;
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            last = line;
        }
        var spread = sinceFirst.Elapsed;

        var done = System.Text.Json.Nodes.JsonNode.Parse(last!)!;
        var evalTime = TimeSpan.FromSeconds(done["eval_count"]!.GetValue<int>() / options.DecodeTokensPerSecond);
        Assert.True(done["done"]!.GetValue<bool>());
        Assert.True(evalTime > TimeSpan.FromMilliseconds(150), $"eval time {evalTime}");
        // The first chunk leaves after its own share, the rest spread over the remaining eval time.
        Assert.True(spread >= evalTime * 0.7, $"chunks spread over {spread}, eval time {evalTime}");
    }

    [Fact]
    public async Task Chat_ModelLoadTime_PaidOnFirstUseAndAfterKeepAliveZero()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LoadTime = TimeSpan.FromMilliseconds(300) }, Ct);
        using var http = emulator.Client();
        var unloadAfter = EmulatorRequests.Chat("你好");
        unloadAfter["keep_alive"] = "0s";

        var first = await (await http.PostAsync("/api/chat", EmulatorRequests.Chat("你好"), Ct)).ReadObjectAsync(Ct);
        var warm = await (await http.PostAsync("/api/chat", unloadAfter, Ct)).ReadObjectAsync(Ct);
        var reloaded = await (await http.PostAsync("/api/chat", EmulatorRequests.Chat("你好"), Ct)).ReadObjectAsync(Ct);

        Assert.InRange(first["load_duration"]!.GetValue<long>(), 290_000_000L, 5_000_000_000L);
        Assert.True(warm["load_duration"]!.GetValue<long>() < 100_000_000L);
        Assert.InRange(reloaded["load_duration"]!.GetValue<long>(), 290_000_000L, 5_000_000_000L);
    }

    [Fact]
    public async Task Chat_KeepAliveExpires_ModelLeavesPsAndTheNextRequestLoadsAgain()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LoadTime = TimeSpan.FromMilliseconds(200) }, Ct);
        using var http = emulator.Client();
        var shortLived = EmulatorRequests.Chat("你好");
        shortLived["keep_alive"] = "1s";

        (await http.PostAsync("/api/chat", shortLived, Ct)).EnsureSuccessStatusCode();
        var loaded = await http.GetStringAsync("/api/ps", Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(1300), Ct);
        var expired = await http.GetStringAsync("/api/ps", Ct);
        var again = await (await http.PostAsync("/api/chat", EmulatorRequests.Chat("你好"), Ct)).ReadObjectAsync(Ct);

        Assert.Contains(EmulatorRequests.Model, loaded, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorRequests.Model, expired, StringComparison.Ordinal);
        Assert.True(again["load_duration"]!.GetValue<long>() >= 190_000_000L);
    }

    [Fact]
    public async Task Chat_ClientGivesUpOnTimeoutFault_SlotIsFreedForTheNextRequest()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Parallel = 1 }, Ct);
        using var http = emulator.Client();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        giveUp.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            http.PostAsync("/api/chat", EmulatorRequests.Chat("[[emulator:fault=timeout]] 挂起"), giveUp.Token));
        await WaitUntilAsync(() => emulator.Stats.InFlight == 0);
        using var next = await http.PostAsync("/api/chat", EmulatorRequests.Chat("下一个"), Ct);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "condition not reached in 10 s");
            await Task.Delay(10, Ct);
        }
    }
}
