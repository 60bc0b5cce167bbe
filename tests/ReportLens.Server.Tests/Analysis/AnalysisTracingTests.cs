using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>One trace follows a request through the analysis to the LLM call.</summary>
public sealed class AnalysisTracingTests(EmulatorAppFixture app) : ApiTest<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>
{
    [Fact]
    public async Task Analyze_WithLlm_ProducesRequestAnalysisAndHttpSpansInOneTrace()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ReportLens.Analysis" or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.EnglishCt);
        // Other test classes analyse in parallel in this process: our request carries its own trace id.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ai/analyze")
        {
            Content = JsonContent.Create(new { report_id = id, user_prompt = "", annotation_type = "extraction", engine = "llm" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        // The server's request span stops after the response has been written, which can be after the client
        // has read it: wait for it rather than race it.
        var trace = await TraceWithRequestSpanAsync(spans, traceId);
        var analysis = Assert.Single(trace, s => s.Source.Name == "ReportLens.Analysis");
        Assert.Equal("llm", analysis.GetTagItem("reportlens.engine"));
        Assert.Equal("qwen2.5:7b", analysis.GetTagItem("reportlens.model"));
        Assert.Contains(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.Id == analysis.ParentId);
        Assert.Contains(trace, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == analysis.SpanId);
    }

    private static async Task<List<Activity>> TraceWithRequestSpanAsync(ConcurrentBag<Activity> spans, ActivityTraceId traceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var trace = spans.Where(s => s.TraceId == traceId).ToList();
            var requestSpanStopped = trace.Any(request => request.Source.Name == "Microsoft.AspNetCore"
                && trace.Any(child => child.Source.Name == "ReportLens.Analysis" && child.ParentId == request.Id));
            if (requestSpanStopped || DateTime.UtcNow > deadline)
            {
                return trace;
            }

            await Task.Delay(20);
        }
    }
}
