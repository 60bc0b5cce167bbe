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
        var body = await AnalysedAsync(writer, text, "highlight");
        Assert.True(body.GetProperty("content").GetProperty("highlights").GetArrayLength() >= 2, "the rules engine should find at least two highlights");
        return body.GetProperty("annotation_id").GetInt64();
    }

    /// <summary>Stores <paramref name="text"/> as a new report and analyses it with the rules engine; the analysis response.</summary>
    public static async Task<JsonElement> AnalysedAsync(HttpClient writer, string text, string annotationType, string engine = "rules")
    {
        var created = await writer.PostAsJsonAsync("/api/v1/reports", new { report_content = text }, ReportLensJson.Options);
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await AnalyseAsync(writer, reportId, annotationType, engine);
    }

    public static async Task<JsonElement> AnalyseAsync(HttpClient writer, int reportId, string annotationType, string engine = "rules")
    {
        var analysed = await writer.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = reportId, user_prompt = "", annotation_type = annotationType, engine }, ReportLensJson.Options);
        analysed.EnsureSuccessStatusCode();
        return await analysed.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> AddAsync(HttpClient client, long annotationId, object addition) =>
        client.PostAsJsonAsync($"/api/v1/annotations/{annotationId}/review/additions", addition, ReportLensJson.Options);

    public static Task<HttpResponseMessage> ReviewAsync(HttpClient client, long annotationId, params object[] items) =>
        client.PostAsJsonAsync($"/api/v1/annotations/{annotationId}/review", new { items }, ReportLensJson.Options);
}
