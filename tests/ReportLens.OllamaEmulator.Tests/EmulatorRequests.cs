using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>Builds Ollama request bodies the way the LLM layer sends them and reads the replies.</summary>
internal static class EmulatorRequests
{
    public const string Model = "qwen2.5:7b";

    public const string ChestReport =
        "胸部CT平扫：双肺纹理增多，右肺上叶见结节，大小约1.2cm×0.8cm。心影不大，心胸比例约0.48。未见胸腔积液。\n印象：右肺上叶结节，建议随访。";

    public const string EnglishReport =
        "CT chest without contrast. There is a 12 mm nodule in the right upper lobe. No pleural effusion.\nImpression: Right upper lobe nodule, follow-up recommended.";

    public static string UserPrompt(string report, string directive = "") =>
        $"用户需求: 全面分析{directive}\n\n报告内容:\n<report>\n{report}\n</report>\n\n请严格按照JSON格式返回分析结果。";

    public static JsonObject HighlightSchema() => (JsonObject)JsonNode.Parse("""
        {"type":"object","additionalProperties":false,"required":["highlights"],"properties":{"highlights":{"type":"array","items":{
          "type":"object","additionalProperties":false,"required":["text","category","start","end","reason"],"properties":{
          "text":{"type":"string"},"category":{"type":"string","enum":["abnormal","measurement","location","diagnosis"]},
          "start":{"type":"integer"},"end":{"type":"integer"},"reason":{"type":"string"}}}}}}
        """)!;

    public static JsonObject Chat(string userContent, JsonNode? format = null, bool? stream = false, string? system = null, string model = Model)
    {
        var messages = new JsonArray();
        if (system is not null)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = system });
        }
        messages.Add(new JsonObject { ["role"] = "user", ["content"] = userContent });
        var body = new JsonObject { ["model"] = model, ["messages"] = messages };
        if (stream is not null)
        {
            body["stream"] = stream.Value;
        }
        if (format is not null)
        {
            body["format"] = format;
        }
        return body;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, string path, JsonNode body, CancellationToken ct) =>
        http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response, CancellationToken ct) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;

    public static async Task<List<JsonObject>> ReadLinesAsync(this HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!)];
    }

    public static string Content(this JsonObject reply) => reply["message"]!["content"]!.GetValue<string>();

    public static JsonObject ContentJson(this JsonObject reply) => (JsonObject)JsonNode.Parse(reply.Content())!;

    public static HttpClient Client(this ReportLens.OllamaEmulator.EmulatorHost host) =>
        new() { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public static JsonElement Element(this JsonNode node) => JsonSerializer.Deserialize<JsonElement>(node.ToJsonString());
}
