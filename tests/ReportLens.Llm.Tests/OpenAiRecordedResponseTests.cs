using System.Text.Json.Nodes;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Schemas;

namespace ReportLens.Llm.Tests;

/// <summary>
/// OpenAI-compatible backends per configured kind, against recorded vLLM and llama.cpp server responses
/// (tests/data/openai-responses): what the request carries, and what is read back — usage, logprobs, grounded items.
/// </summary>
public sealed class OpenAiRecordedResponseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Recorded(string file) => File.ReadAllText(RepoPaths.Of(Path.Combine("tests", "data", "openai-responses", file)));

    private static async Task<LlmAnnotationResult> AnnotateAsync(WireCaptureServer server, string kind, params (string Key, string Value)[] more)
    {
        // The capture server is the pool's Ollama endpoint too: its /api/tags lists only qwen2.5:7b, so m1 goes to the OpenAI one.
        using var llm = new LlmTestHost(
            server.BaseUrl.ToString(),
            [
                ("Llm:OpenAiEndpoints:0:Name", kind),
                ("Llm:OpenAiEndpoints:0:Kind", kind),
                ("Llm:OpenAiEndpoints:0:Url", new Uri(server.BaseUrl, "v1").ToString()),
                ("Llm:OpenAiEndpoints:0:Models:0", "m1"),
                ("Llm:OpenAiEndpoints:0:Trusted", "true"),
                .. more,
            ]);
        await llm.Pool.RefreshAsync(Ct);
        return await llm.Annotator.AnnotateAsync(
            new AnalysisRequest(SampleReports.Chinese, ReportLanguage.Zh, AnnotationType.Highlight, "", Model: "m1"), Ct);
    }

    private static JsonNode OurSchema => JsonNode.Parse(new AnnotationSchemas().Get(AnnotationType.Highlight).GetRawText())!;

    [Fact]
    public async Task Vllm_Annotate_SendsTheSchemaAsStructuredOutputsAndReadsUsageAndLogprobs()
    {
        await using var server = await WireCaptureServer.StartRecordedAsync(Recorded("vllm-highlight.json"));

        var result = await AnnotateAsync(server, "vllm");

        var body = Assert.Single(server.Requests);
        Assert.True(JsonNode.DeepEquals(OurSchema, body["structured_outputs"]!["json"]));
        Assert.Null(body["response_format"]);
        Assert.Null(body["guided_json"]);
        Assert.True((bool?)body["logprobs"]);
        Assert.Equal((412, 126), (result.PromptTokens, result.OutputTokens));
        AssertTokenConfidenceAndGrounding(result);
    }

    [Fact]
    public async Task LlamaCpp_Annotate_SendsStrictJsonSchemaResponseFormatAndReadsUsageAndLogprobs()
    {
        await using var server = await WireCaptureServer.StartRecordedAsync(Recorded("llamacpp-highlight.json"));

        var result = await AnnotateAsync(server, "llamacpp");

        var body = Assert.Single(server.Requests);
        AssertStrictJsonSchema(body);
        Assert.True((bool?)body["logprobs"]);
        Assert.Equal((398, 126), (result.PromptTokens, result.OutputTokens));
        AssertTokenConfidenceAndGrounding(result);
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("lmstudio")]
    [InlineData("sglang")]
    public async Task JsonSchemaKinds_Annotate_SendStrictResponseFormatAndNoVllmField(string kind)
    {
        await using var server = await WireCaptureServer.StartRecordedAsync(Recorded("llamacpp-highlight.json"));

        await AnnotateAsync(server, kind);

        AssertStrictJsonSchema(Assert.Single(server.Requests));
    }

    [Fact]
    public async Task Annotate_RecordedResponseWithoutLogprobs_FallsBackAndSaysSo()
    {
        await using var server = await WireCaptureServer.StartRecordedAsync(Recorded("llamacpp-highlight-no-logprobs.json"));

        var result = await AnnotateAsync(server, "llamacpp");

        Assert.Equal(TokenConfidenceSources.Unavailable, result.TokenConfidenceSource);
        Assert.Null(result.TokenProbability);
        Assert.All(((HighlightContent)result.Content).Highlights, h => Assert.Null(h.Confidence));
        Assert.Equal((398, 126), (result.PromptTokens, result.OutputTokens));
    }

    [Fact]
    public async Task Annotate_LogprobsOff_DoesNotAskForThem()
    {
        await using var server = await WireCaptureServer.StartRecordedAsync(Recorded("vllm-highlight.json"));

        var result = await AnnotateAsync(server, "vllm", ("Llm:Logprobs", "false"));

        Assert.Null(Assert.Single(server.Requests)["logprobs"]);
        Assert.Equal(TokenConfidenceSources.Off, result.TokenConfidenceSource);
    }

    private static void AssertStrictJsonSchema(JsonObject body)
    {
        var format = body["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("reportlens_highlight", (string?)format["json_schema"]!["name"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        Assert.Equal(
            OurSchema["properties"]!["highlights"]!["items"]!["properties"]!.AsObject().Select(p => p.Key),
            format["json_schema"]!["schema"]!["properties"]!["highlights"]!["items"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Null(body["structured_outputs"]);
    }

    /// <summary>The recorded reply doubts the second item's category (p 0.41): that item, and only it, has a low probability.</summary>
    private static void AssertTokenConfidenceAndGrounding(LlmAnnotationResult result)
    {
        Assert.Equal(TokenConfidenceSources.Logprobs, result.TokenConfidenceSource);
        var highlights = ((HighlightContent)result.Content).Highlights;
        Assert.Equal(["右肺上叶见结节影", "1.2cm×0.8cm", "未见明显胸腔积液"], highlights.Select(h => h.Text));
        var probabilities = highlights.Select(h => h.Confidence!.Value).ToList();
        Assert.Equal(0.41, probabilities[1], 2);
        Assert.All(new[] { probabilities[0], probabilities[2] }, p => Assert.True(p > 0.99, $"{p}"));
        Assert.Equal((1 + 0.41 + 1) / 3, result.TokenProbability!.Value, 2);

        var grounded = Grounder.Ground(SampleReports.Chinese, result.Content);
        Assert.Equal(1.0, grounded.GroundedFraction);
        Assert.All(((HighlightContent)grounded.Content).Highlights, h =>
            Assert.Equal(h.Text, SampleReports.Chinese[h.Start..h.End]));
    }
}
