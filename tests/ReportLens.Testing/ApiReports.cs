using System.Net.Http.Json;
using System.Text.Json;

namespace ReportLens.Testing;

/// <summary>Reports stored and analysed through the HTTP API, as a client does.</summary>
public static class ApiReports
{
    /// <summary>POST /api/v1/reports; the new report's id.</summary>
    public static async Task<int> CreateAsync(HttpClient client, string text, string? accessionNumber = null)
    {
        object body = accessionNumber is null
            ? new { report_content = text }
            : new { report_content = text, accession_number = accessionNumber };
        using var response = await client.PostAsJsonAsync("/api/v1/reports", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>Stores the report and has the rules engine highlight it (POST /api/v1/ai/analyze); the report's and the annotation's ids.</summary>
    public static async Task<(int ReportId, long AnnotationId)> HighlightedByRulesAsync(HttpClient client, string text, string? accessionNumber = null)
    {
        var id = await CreateAsync(client, text, accessionNumber);
        using var analysed = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "rules" });
        analysed.EnsureSuccessStatusCode();
        return (id, (await analysed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("annotation_id").GetInt64());
    }
}
