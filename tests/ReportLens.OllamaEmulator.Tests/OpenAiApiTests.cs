using System.Net;
using System.Text.Json.Nodes;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>The OpenAI-compatible endpoint (/v1/chat/completions, /v1/models) as vLLM, llama.cpp server and LM Studio offer it.</summary>
public sealed class OpenAiApiTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        _http = _emulator.Client();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    private static JsonObject Completion(string directive = "", Action<JsonObject>? more = null)
    {
        var body = new JsonObject
        {
            ["model"] = EmulatorRequests.Model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "Highlight the report." }) },
                new JsonObject { ["role"] = "user", ["content"] = EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport, directive) }),
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = "reportlens_highlight", ["schema"] = EmulatorRequests.HighlightSchema(), ["strict"] = true },
            },
        };
        more?.Invoke(body);
        return body;
    }

    private async Task<JsonObject> PostAsync(JsonObject body)
    {
        using var response = await _http.PostAsync("/v1/chat/completions", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync(Ct);
    }

    /// <summary>The server-sent events' data lines: JSON chunks, then "[DONE]".</summary>
    private async Task<(List<JsonObject> Chunks, string? Last, string? MediaType)> StreamAsync(JsonObject body)
    {
        body["stream"] = true;
        using var response = await _http.PostAsync("/v1/chat/completions", body, Ct);
        var data = (await response.Content.ReadAsStringAsync(Ct))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => Assert.IsType<string>(e.StartsWith("data: ", StringComparison.Ordinal) ? e["data: ".Length..] : null))
            .ToList();
        return ([.. data.Where(d => d != "[DONE]").Select(d => (JsonObject)JsonNode.Parse(d)!)], data.LastOrDefault(), response.Content.Headers.ContentType?.MediaType);
    }

    private static string Text(JsonObject completion) => (string)completion["choices"]![0]!["message"]!["content"]!;

    [Fact]
    public async Task ChatCompletion_JsonSchema_ReturnsSchemaShapedGroundedContentAndUsage()
    {
        var completion = await PostAsync(Completion());

        Assert.Equal("chat.completion", (string?)completion["object"]);
        Assert.StartsWith("chatcmpl-", (string?)completion["id"], StringComparison.Ordinal);
        Assert.Equal(EmulatorRequests.Model, (string?)completion["model"]);
        var choice = completion["choices"]![0]!;
        Assert.Equal(("assistant", "stop"), ((string?)choice["message"]!["role"], (string?)choice["finish_reason"]));
        Assert.Null(choice["logprobs"]);
        var highlights = JsonNode.Parse(Text(completion))!["highlights"]!.AsArray();
        Assert.NotEmpty(highlights);
        Assert.All(highlights, h => Assert.Equal((string?)h!["text"], EmulatorRequests.ChestReport[(int)h["start"]!..(int)h["end"]!]));
        var usage = completion["usage"]!;
        Assert.True((int)usage["prompt_tokens"]! > 50 && (int)usage["completion_tokens"]! > 20);
        Assert.Equal((int)usage["prompt_tokens"]! + (int)usage["completion_tokens"]!, (int)usage["total_tokens"]!);
    }

    [Fact]
    public async Task ChatCompletion_VllmStructuredOutputsOrGuidedJson_AreHonouredLikeResponseFormat()
    {
        var byResponseFormat = Text(await PostAsync(Completion()));
        var byStructuredOutputs = Text(await PostAsync(Completion(more: b =>
        {
            b.Remove("response_format");
            b["structured_outputs"] = new JsonObject { ["json"] = EmulatorRequests.HighlightSchema() };
        })));
        var byGuidedJson = Text(await PostAsync(Completion(more: b =>
        {
            b.Remove("response_format");
            b["guided_json"] = EmulatorRequests.HighlightSchema().ToJsonString();
        })));

        Assert.Equal(byResponseFormat, byStructuredOutputs);
        Assert.Equal(byResponseFormat, byGuidedJson);
        Assert.NotNull(JsonNode.Parse(byStructuredOutputs)!["highlights"]);
    }

    [Fact]
    public async Task ChatCompletion_Streamed_SendsSseChunksThenUsageWhenAskedThenDone()
    {
        var whole = await PostAsync(Completion());
        var (chunks, last, mediaType) = await StreamAsync(Completion(more: b => b["stream_options"] = new JsonObject { ["include_usage"] = true }));
        var (withoutUsage, _, _) = await StreamAsync(Completion());

        Assert.Equal("text/event-stream", mediaType);
        Assert.Equal("[DONE]", last);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        var withChoice = chunks.Where(c => c["choices"]!.AsArray().Count > 0).ToList();
        Assert.Equal(Text(whole), string.Concat(withChoice.Select(c => (string?)c["choices"]![0]!["delta"]!["content"])));
        Assert.Equal("stop", (string?)withChoice[^1]["choices"]![0]!["finish_reason"]);
        var usage = Assert.Single(chunks, c => c["usage"] is not null);
        Assert.Same(chunks[^1], usage);
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.True(JsonNode.DeepEquals(whole["usage"], usage["usage"]));
        Assert.DoesNotContain(withoutUsage, c => c["usage"] is not null);
    }

    [Fact]
    public async Task ChatCompletion_Logprobs_SpellTheReplyWithTopAlternativesAndSinkForUnsureItems()
    {
        var completion = await PostAsync(Completion("[[emulator:fault=unsure:结节]]", b =>
        {
            b["logprobs"] = true;
            b["top_logprobs"] = 3;
        }));

        var text = Text(completion);
        var tokens = completion["choices"]![0]!["logprobs"]!["content"]!.AsArray();
        Assert.Equal(text, string.Concat(tokens.Select(t => (string?)t!["token"])));
        Assert.All(tokens, t =>
        {
            var top = t!["top_logprobs"]!.AsArray();
            Assert.Equal(3, top.Count);
            Assert.Equal(((string?)t["token"], (double)t["logprob"]!), ((string?)top[0]!["token"], (double)top[0]!["logprob"]!));
            Assert.True((double)top[1]!["logprob"]! < (double)top[0]!["logprob"]!);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes((string)t["token"]!).Select(b => (int)b), t["bytes"]!.AsArray().Select(b => (int)b!));
        });
        // The unsure tokens, run by run, spell exactly the items that hold the word (a token may run past the braces);
        // every other token is sure.
        var runs = new List<string>();
        var previousLow = false;
        foreach (var t in tokens)
        {
            var low = Math.Abs((double)t!["logprob"]! - Math.Log(0.35)) < 1e-9;
            Assert.True(low || Math.Abs((double)t["logprob"]! - Math.Log(0.98)) < 1e-9);
            if (low)
            {
                runs.Add(previousLow ? runs[^1] + (string)t["token"]! : (string)t["token"]!);
                if (previousLow)
                {
                    runs.RemoveAt(runs.Count - 2);
                }
            }

            previousLow = low;
        }

        var unsureItems = JsonNode.Parse(text)!["highlights"]!.AsArray().Where(h => ((string)h!["text"]!).Contains("结节", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(unsureItems);
        Assert.Equal(unsureItems.Select(h => (string?)h!["text"]), runs.Select(r => (string?)JsonNode.Parse(r[r.IndexOf('{', StringComparison.Ordinal)..(r.LastIndexOf('}') + 1)])!["text"]));
    }

    [Fact]
    public async Task ChatCompletion_StreamedWithLogprobs_EachChunkCarriesItsOwnTokens()
    {
        var whole = await PostAsync(Completion("[[emulator:fault=unsure:结节]]", b => b["logprobs"] = true));
        var (chunks, _, _) = await StreamAsync(Completion("[[emulator:fault=unsure:结节]]", b => b["logprobs"] = true));

        var streamed = chunks.Where(c => c["choices"]!.AsArray().Count > 0 && c["choices"]![0]!["logprobs"] is not null)
            .SelectMany(c => c["choices"]![0]!["logprobs"]!["content"]!.AsArray().Select(t => t!.ToJsonString()));
        Assert.Equal(whole["choices"]![0]!["logprobs"]!["content"]!.AsArray().Select(t => t!.ToJsonString()), streamed);
    }

    [Fact]
    public async Task Models_ListsTheEmulatorsModelsInOpenAisShape()
    {
        using var response = await _http.GetAsync("/v1/models", Ct);
        var list = await response.ReadObjectAsync(Ct);

        Assert.Equal("list", (string?)list["object"]);
        var model = list["data"]!.AsArray().Single(m => (string?)m!["id"] == EmulatorRequests.Model)!;
        Assert.Equal(("model", 32768), ((string?)model["object"], (int)model["max_model_len"]!));
    }

    [Theory]
    [InlineData("""{"model":"missing:3b","messages":[{"role":"user","content":"hi"}]}""", HttpStatusCode.NotFound, "model_not_found")]
    [InlineData("""{"model":"qwen2.5:7b","messages":[{"role":"user","content":"hi [[emulator:fault=busy]]"}]}""", HttpStatusCode.ServiceUnavailable, "service_unavailable")]
    [InlineData("""{"model":"qwen2.5:7b","messages":[{"role":"user","content":"hi [[emulator:fault=http500]]"}]}""", HttpStatusCode.InternalServerError, "internal_error")]
    [InlineData("""{"model":"qwen2.5:7b","messages":[]}""", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("""{"model":"qwen2.5:7b","messages":[{"role":"user","content":"hi"}],"logprobs":true,"top_logprobs":21}""", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("""{"model":"qwen2.5:7b","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"xml"}}""", HttpStatusCode.BadRequest, "bad_request")]
    [InlineData("""{not json""", HttpStatusCode.BadRequest, "bad_request")]
    public async Task ChatCompletion_Failure_AnswersInOpenAisErrorShape(string body, HttpStatusCode status, string code)
    {
        using var response = await _http.PostAsync("/v1/chat/completions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        var error = (await response.ReadObjectAsync(Ct))["error"]!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.Equal((int)status >= 500 ? "server_error" : "invalid_request_error", (string?)error["type"]);
    }
}
