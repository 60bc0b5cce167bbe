using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Json;

namespace ReportLens.Server.Tests.Reviews;

/// <summary>A stored report with a rules highlight annotation, made through the API.</summary>
internal static class ReviewScenario
{
    public const string ReportText = "检查所见：右肺上叶见一结节，大小约1.2cm×0.8cm，边界清楚。肝脏未见异常。\n诊断意见：右肺上叶结节，建议随访。";

    public static async Task<long> AnalysedHighlightAsync(HttpClient writer, string text = ReportText)
    {
        var created = await writer.PostAsJsonAsync("/api/v1/reports", new { report_content = text }, ReportLensJson.Options);
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var analysed = await writer.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = reportId, user_prompt = "", annotation_type = "highlight", engine = "rules" }, ReportLensJson.Options);
        analysed.EnsureSuccessStatusCode();
        var body = await analysed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("content").GetProperty("highlights").GetArrayLength() >= 2, "the rules engine should find at least two highlights");
        return body.GetProperty("annotation_id").GetInt64();
    }

    public static Task<HttpResponseMessage> ReviewAsync(HttpClient client, long annotationId, params object[] items) =>
        client.PostAsJsonAsync($"/api/v1/annotations/{annotationId}/review", new { items }, ReportLensJson.Options);
}
