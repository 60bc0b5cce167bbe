using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;
using ReportLens.OllamaEmulator;

namespace ReportLens.OllamaEmulator.Tests;

/// <summary>The real client must accept our wire format: if these fail, the emulator is not Ollama-compatible.</summary>
public sealed class OllamaSharpCompatibilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OllamaApiClient_ModelEndpoints_ParseOurReplies()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var client = new OllamaApiClient(emulator.BaseUrl, EmulatorRequests.Model);

        var running = await client.IsRunningAsync(Ct);
        var version = await client.GetVersionAsync(Ct);
        var models = (await client.ListLocalModelsAsync(Ct)).ToList();
        var show = await client.ShowModelAsync(EmulatorRequests.Model, Ct);
        await foreach (var _ in client.PullModelAsync("phi3:3.8b", Ct))
        {
        }
        var afterPull = (await client.ListLocalModelsAsync(Ct)).Select(m => m.Name).ToList();

        Assert.True(running);
        Assert.Equal("0.12.6", version.ToString());
        Assert.Contains(models, m => m.Name == EmulatorRequests.Model && m.Size > 0 && m.Details.ParameterSize == "7B");
        Assert.Equal("qwen", show.Details.Family);
        Assert.Contains("phi3:3.8b", afterPull);
    }

    [Fact]
    public async Task ChatClient_JsonSchemaResponseFormat_ReturnsSchemaShapedTextAndUsage()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var ollama = new OllamaApiClient(emulator.BaseUrl, EmulatorRequests.Model);
        IChatClient chat = ollama;
        var schema = EmulatorRequests.HighlightSchema().Element();
        var report = EmulatorRequests.ChestReport;

        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "你是医学报告分析专家。"), new ChatMessage(ChatRole.User, EmulatorRequests.UserPrompt(report))],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "highlight"), Temperature = 0.1f },
            Ct);

        using var content = JsonDocument.Parse(response.Text);
        var highlights = content.RootElement.GetProperty("highlights").EnumerateArray().ToList();
        Assert.NotEmpty(highlights);
        Assert.All(highlights, h => Assert.Equal(h.GetProperty("text").GetString(),
            report[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()]));
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.True(response.Usage?.OutputTokenCount > 0);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task ChatClient_Streaming_AssemblesTheSameTextAsTheSingleReply()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var ollama = new OllamaApiClient(emulator.BaseUrl, EmulatorRequests.Model);
        IChatClient chat = ollama;
        ChatMessage[] messages = [new(ChatRole.System, "分类专家，输出 \"classifications\""), new(ChatRole.User, EmulatorRequests.UserPrompt(EmulatorRequests.ChestReport))];
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json };

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, Ct))
        {
            updates.Add(update);
        }
        var single = await chat.GetResponseAsync(messages, options, Ct);

        Assert.True(updates.Count > 2);
        Assert.Equal(single.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(5, JsonDocument.Parse(single.Text).RootElement.GetProperty("classifications").GetArrayLength());
    }

    [Fact]
    public async Task ChatClient_UnknownModel_ThrowsHttp404()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), Ct);
        using var ollama = new OllamaApiClient(emulator.BaseUrl, "missing:7b");
        IChatClient chat = ollama;

        // OllamaSharp 5.5 turns a 404 into HttpRequestException without reading the body, as it does against Ollama.
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => chat.GetResponseAsync("你好", cancellationToken: Ct));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.StatusCode);
    }
}
