using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>Bounds on one analysis's output: the item cap with its truncated flag, and paged annotation lists.</summary>
public sealed class AnnotationLimitsTests(ItemCapAppFixture app) : ApiTest<ItemCapAppFixture>(app), IClassFixture<ItemCapAppFixture>
{
    private static string ManyNodules(int count)
    {
        var text = new StringBuilder("检查所见：\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append("右肺上叶见结节，大小约").Append(i % 9 + 1).Append("mm。");
        }

        return text.Append("\n诊断意见：双肺多发结节。").ToString();
    }

    [Fact]
    public async Task Analyze_MoreItemsThanTheCap_StoresAndAnswersTruncatedContent()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<ItemCapAppFixture>.CreateAsync(client, ManyNodules(40));

        var body = await AnalyzeTests<EmulatorAppFixture>.Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "rules" }));

        Assert.True(body.GetProperty("truncated").GetBoolean());
        Assert.True(body.GetProperty("content").GetProperty("truncated").GetBoolean());
        Assert.Equal(ItemCapAppFixture.MaxItems, body.GetProperty("content").GetProperty("highlights").GetArrayLength());
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/annotations/{body.GetProperty("annotation_id").GetInt64()}");
        Assert.True(stored.GetProperty("truncated").GetBoolean());
        Assert.Equal(ItemCapAppFixture.MaxItems, stored.GetProperty("content").GetProperty("highlights").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_FewerItemsThanTheCap_IsNotTruncated()
    {
        using var client = await App.RadiologistAsync();
        var body = await AnalyzeTests<EmulatorAppFixture>.Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze-text",
            new { report_content = ManyNodules(1), user_prompt = "", annotation_type = "extraction", engine = "rules" }));

        Assert.False(body.GetProperty("truncated").GetBoolean());
        Assert.False(body.GetProperty("content").TryGetProperty("truncated", out _));
    }

    [Fact]
    public async Task ListAnnotations_WithOffsetAndLimit_ReturnsOnePageAndTheTotal()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<ItemCapAppFixture>.CreateAsync(client, ManyNodules(2));
        var created = new List<long>();
        foreach (var type in new[] { "highlight", "extraction", "classification" })
        {
            var body = await AnalyzeTests<EmulatorAppFixture>.Ok(await client.PostAsJsonAsync("/api/v1/ai/analyze",
                new { report_id = id, user_prompt = "", annotation_type = type, engine = "rules" }));
            created.Add(body.GetProperty("annotation_id").GetInt64());
        }

        var first = await client.GetAsync($"/api/v1/reports/{id}/annotations?limit=2");
        var second = await client.GetAsync($"/api/v1/reports/{id}/annotations?offset=2&limit=2");

        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        var page1 = (await first.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(a => a.GetProperty("annotation_id").GetInt64()).ToList();
        var page2 = (await second.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(a => a.GetProperty("annotation_id").GetInt64()).ToList();
        Assert.Equal([created[2], created[1]], page1);
        Assert.Equal([created[0]], page2);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/reports/{id}/annotations?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/reports/{id}/annotations?limit=101")).StatusCode);
    }
}
