using System.Text.Json.Nodes;
using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Tests;

/// <summary>What the LLM layer puts on the wire, checked at a recording loopback server.</summary>
public sealed class LlmWireTests
{
    private const string ValidExtraction = """{"findings": ["双肺纹理增多"], "measurements": [], "locations": ["双肺"], "impression": ""}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AnalysisRequest Request(string? model = null) =>
        new(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Extraction, "提取发现", Model: model);

    [Fact]
    public async Task Ollama_Annotate_SendsSystemPromptFirstSchemaAsFormatTemperatureAndKeepAlive()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction, ValidExtraction);
        using var llm = new LlmTestHost(server.BaseUrl.ToString(), ("OLLAMA_KEEP_ALIVE", "24h"));

        var result = await llm.Annotator.AnnotateAsync(Request(), Ct);
        await llm.Annotator.AnnotateAsync(Request(), Ct);

        var sent = server.Requests.ToArray();
        var body = sent[0];
        Assert.Equal("qwen2.5:7b", (string?)body["model"]);
        Assert.False((bool?)body["stream"]);
        Assert.Equal("24h", (string?)body["keep_alive"]);
        Assert.Equal(0.3, (double)body["options"]!["temperature"]!, 3);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(new AnnotationSchemas().Get(AnnotationType.Extraction).GetRawText()), body["format"]));
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal(PromptLibrary.Default.Get(AnnotationType.Extraction, ReportLanguage.Zh), (string?)messages[0]!["content"]);
        Assert.Equal(PromptLibrary.Default.BuildUserMessage("提取发现", SampleReports.Chinese, ReportLanguage.Zh), (string?)messages[1]!["content"]);
        Assert.Equal(messages[0]!.ToJsonString(), sent[1]["messages"]![0]!.ToJsonString());
        Assert.Equal((30, 50, 2_500_000_000L, 500_000_000L, 1_000_000_000L, 1_000_000_000L),
            (result.PromptTokens, result.OutputTokens, result.TotalDurationNs, result.LoadDurationNs, result.PromptEvalDurationNs, result.EvalDurationNs));
    }

    [Fact]
    public async Task Ollama_Repair_SendsTheReplyBackWithTheErrorsAndSumsTheCost()
    {
        await using var server = await WireCaptureServer.StartAsync("""{"findings": "n/a"}""", ValidExtraction);
        using var llm = new LlmTestHost(server.BaseUrl.ToString());

        var result = await llm.Annotator.AnnotateAsync(Request(), Ct);

        var repair = server.Requests.ToArray()[1]["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], repair.Select(m => (string?)m!["role"]));
        Assert.Equal("""{"findings": "n/a"}""", (string?)repair[2]!["content"]);
        var errors = (string)repair[3]!["content"]!;
        Assert.StartsWith("你上一次的回答不符合要求的JSON格式", errors);
        Assert.Contains("/findings:", errors);
        Assert.DoesNotContain(SampleReports.Chinese, errors);
        Assert.Equal(1, result.SchemaRepairs);
        Assert.Equal((60, 100, 5_000_000_000L), (result.PromptTokens, result.OutputTokens, result.TotalDurationNs));
    }

    [Fact]
    public async Task OpenAiEndpoint_ModelOnlyThere_SendsJsonSchemaResponseFormatAndReadsUsage()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction);
        using var llm = new LlmTestHost(
            server.BaseUrl.ToString(),
            ("Llm:OpenAiEndpoints:0:Name", "vllm"),
            ("Llm:OpenAiEndpoints:0:Url", new Uri(server.BaseUrl, "v1").ToString()),
            ("Llm:OpenAiEndpoints:0:ApiKey", "secret-key"),
            ("Llm:OpenAiEndpoints:0:Models:0", "m1"));
        await llm.Pool.RefreshAsync(Ct);

        var result = await llm.Annotator.AnnotateAsync(Request(model: "m1"), Ct);

        var body = Assert.Single(server.Requests);
        Assert.Equal("m1", (string?)body["model"]);
        Assert.Equal("json_schema", (string?)body["response_format"]!["type"]);
        // Microsoft.Extensions.AI.OpenAI rewrites the schema for OpenAI's strict mode (every property required,
        // no additional properties); our own validation keeps the looser original.
        var sentSchema = body["response_format"]!["json_schema"]!["schema"]!;
        var ours = JsonNode.Parse(new AnnotationSchemas().Get(AnnotationType.Extraction).GetRawText())!;
        Assert.Equal(ours["properties"]!.AsObject().Select(p => p.Key), sentSchema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Subset(sentSchema["required"]!.AsArray().Select(r => (string)r!).ToHashSet(), ours["required"]!.AsArray().Select(r => (string)r!).ToHashSet());
        Assert.Equal("system", (string?)body["messages"]![0]!["role"]);
        Assert.Equal(("vllm", 31, 51), (result.Backend, result.PromptTokens, result.OutputTokens));
        Assert.Null(result.TotalDurationNs);
        Assert.Equal(["双肺纹理增多"], Assert.IsType<ExtractionContent>(result.Content).Findings);
    }
}
