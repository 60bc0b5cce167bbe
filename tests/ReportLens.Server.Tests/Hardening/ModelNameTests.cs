using System.Net;
using System.Net.Http.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>Issue 12, item 6: model names are checked, an unknown one is the client's 404, and never a new metric series.</summary>
public sealed class ModelNameTests(EmulatorAppFixture app) : ApiTest<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>
{
    [Theory]
    [InlineData("bad model!!")]
    [InlineData("qwen2.5:7b:extra")]
    [InlineData(":7b")]
    [InlineData("qwen2.5;drop")]
    public async Task Analyze_MalformedModelName_Returns400NamingModel(string model)
    {
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze-text", new { report_content = "双肺纹理清晰。", user_prompt = "", annotation_type = "highlight", engine = "llm", model });
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("model", out _), body.ToString());
    }

    [Fact]
    public async Task Analyze_UnknownModels_AreOneOtherLabelInMetrics()
    {
        using var client = await App.RadiologistAsync();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/ai/analyze-text", new { report_content = "双肺纹理清晰。", user_prompt = "", annotation_type = "highlight", engine = "llm", model = $"ghost-{i}:1b" });
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            Assert.NotEmpty(problem.GetProperty("available_models").EnumerateArray());
        }

        using var scraper = App.Anonymous();
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.DoesNotContain("ghost-", metrics, StringComparison.Ordinal);
        Assert.Contains("model=\"other\"", metrics, StringComparison.Ordinal);
    }
}
