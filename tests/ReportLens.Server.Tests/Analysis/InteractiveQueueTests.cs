using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>An interactive analysis waits for a slot at most OLLAMA_QUEUE_TIMEOUT, then gets a 503 with Retry-After.</summary>
public sealed class InteractiveQueueTests(OneSlotQueueAppFixture app) : ApiTest<OneSlotQueueAppFixture>(app), IClassFixture<OneSlotQueueAppFixture>
{
    private static object Request(int n) => new
    {
        report_content = $"检查所见：右肺上叶见一结节，大小约{n}mm。\n诊断意见：右肺上叶结节。",
        user_prompt = "",
        annotation_type = "highlight",
        engine = "llm",
        cache = "bypass",
    };

    [Fact]
    public async Task AnalyzeText_SlotBusyLongerThanQueueTimeout_Returns503WithRetryAfter()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        using var holder = await App.RadiologistAsync();
        using var abandon = new CancellationTokenSource();
        var first = holder.PostAsJsonAsync("/api/v1/ai/analyze-text", Request(8), abandon.Token);
        await WaitUntilSlotTakenAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze-text", Request(9));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("QueueTimeout", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await abandon.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    private static async Task WaitUntilSlotTakenAsync(HttpClient client)
    {
        for (var i = 0; i < 200; i++)
        {
            var backends = await client.GetFromJsonAsync<JsonElement>("/api/v1/ai/backends");
            if (backends.GetProperty("backends").EnumerateArray().Any(b => b.GetProperty("in_use").GetInt32() > 0))
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("the first analysis never took the slot");
    }
}
