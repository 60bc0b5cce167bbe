using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Json;

namespace ReportLens.Cli.Tests;

/// <summary>Reports stored, analysed by the rules engine and reviewed through the server's API, for the gold export tests.</summary>
internal static class GoldScenario
{
    public const string Chinese =
        "检查所见：右肺上叶见一结节，大小约1.2cm×0.8cm，边界清楚。左肺下叶见斑片状模糊影。双侧胸腔未见积液。\n诊断意见：右肺上叶结节，左肺下叶炎症可能，建议随访。";

    public static readonly string[] Types = ["highlight", "extraction", "classification"];

    /// <summary>Stores the report and analyses it once per type; the annotation ids and contents by type.</summary>
    public static async Task<(int ReportId, Dictionary<string, (long Id, JsonElement Content)> Annotations)> AnalysedAsync(HttpClient client, string text)
    {
        var created = await client.PostAsJsonAsync("/api/v1/reports", new { report_content = text }, ReportLensJson.Options);
        created.EnsureSuccessStatusCode();
        var reportId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var annotations = new Dictionary<string, (long, JsonElement)>();
        foreach (var type in Types)
        {
            var analysed = await client.PostAsJsonAsync("/api/v1/ai/analyze",
                new { report_id = reportId, user_prompt = "", annotation_type = type, engine = "rules" }, ReportLensJson.Options);
            analysed.EnsureSuccessStatusCode();
            var body = await analysed.Content.ReadFromJsonAsync<JsonElement>();
            annotations[type] = (body.GetProperty("annotation_id").GetInt64(), body.GetProperty("content").Clone());
        }

        return (reportId, annotations);
    }

    /// <summary>Every reviewable item path of a content ("highlights/0", "impression", …), as the server names them.</summary>
    public static List<string> Items(JsonElement content)
    {
        var paths = new List<string>();
        foreach (var list in new[] { "highlights", "classifications", "findings", "measurements", "locations", "scores" })
        {
            if (content.TryGetProperty(list, out var items))
            {
                paths.AddRange(Enumerable.Range(0, items.GetArrayLength()).Select(i => $"{list}/{i}"));
            }
        }

        if (content.TryGetProperty("impression", out var impression) && impression.GetString() is { Length: > 0 })
        {
            paths.Add("impression");
        }

        return paths;
    }

    public static async Task ReviewAsync(HttpClient client, long annotationId, IEnumerable<object> items)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/annotations/{annotationId}/review", new { items }, ReportLensJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task AcceptAllAsync(HttpClient client, long annotationId, JsonElement content) =>
        await ReviewAsync(client, annotationId, Items(content).Select(path => (object)new { item = path, decision = "accept" }));

    public static async Task AddAsync(HttpClient client, long annotationId, object addition)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/annotations/{annotationId}/review/additions", addition, ReportLensJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
