using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Core.Json;

namespace ReportLens.Server.Tests.CriticalFindings;

/// <summary>Reports stored and analysed through the API, and the critical-finding cases they open.</summary>
internal static class CriticalFindingScenario
{
    /// <summary>A new report asserting a left pneumothorax, analysed by the rules: its one open case.</summary>
    public static async Task<long> OpenCaseAsync(HttpClient writer)
    {
        var reportId = await StoreAsync(writer, $"Findings: Left pneumothorax. Exam {Guid.NewGuid():N}.\nImpression: Left pneumothorax.", null);
        await AnalyseAsync(writer, reportId, "highlight");
        return Assert.Single(await CasesOfAsync(writer, reportId)).GetProperty("id").GetInt64();
    }

    public static async Task<int> StoreAsync(HttpClient writer, string text, string? accession)
    {
        using var created = await writer.PostAsJsonAsync("/api/v1/reports", new { report_content = text, accession_number = accession }, ReportLensJson.Options);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task AnalyseAsync(HttpClient writer, int reportId, string type)
    {
        using var analysed = await writer.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = reportId, user_prompt = "", annotation_type = type, engine = "rules" }, ReportLensJson.Options);
        analysed.EnsureSuccessStatusCode();
    }

    public static async Task<List<JsonElement>> CasesOfAsync(HttpClient client, int reportId)
    {
        using var response = await client.GetAsync("/api/v1/critical-findings?page_size=200");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("report_id").GetInt32() == reportId)];
    }
}
