using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.Cli.LoadTest;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Cli.Tests;

/// <summary>`reportlens loadtest` without --server: what it sends to Ollama's /api/chat, and which Ollama settings it uses.</summary>
public sealed class LoadTestTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task LoadTest_DirectToOllama_SendsTheTypesSystemPromptSchemaAndTemperature()
    {
        await using var ollama = await WireCaptureServer.StartAsync();

        var result = await _workspace.RunAsync("loadtest", "-n", "1", "-c", "1", "--type", "classification", "--ollama", ollama.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(ollama.Requests);
        var prompts = PromptLibrary.Default;
        Assert.Equal("qwen2.5:7b", (string?)body["model"]);
        Assert.False((bool?)body["stream"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(new AnnotationSchemas().Get(AnnotationType.Classification).GetRawText()), body["format"]));
        Assert.Equal(prompts.DefaultTemperature(AnnotationType.Classification), (double)body["options"]!["temperature"]!, 3);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Equal(prompts.Get(AnnotationType.Classification, ReportLanguage.Zh), (string?)messages[0]!["content"]);
        Assert.Equal(prompts.BuildUserMessage(LoadReports.Prompt, LoadReports.Text(0), ReportLanguage.Zh), (string?)messages[1]!["content"]);
    }

    [Fact]
    public async Task LoadTest_DirectWithOllamaVariables_UsesOllamaModelAndLetsOllamaOptionWinOverBaseUrl()
    {
        await using var ollama = await WireCaptureServer.StartAsync();
        var environment = new Dictionary<string, string?> { ["OLLAMA_MODEL"] = "llama3.1:8b", ["OLLAMA_BASE_URL"] = "http://127.0.0.1:9" };

        var result = await _workspace.RunWithEnvironmentAsync(environment, "loadtest", "-n", "2", "-c", "1", "--ollama", ollama.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, ollama.Requests.Count);
        Assert.All(ollama.Requests, body => Assert.Equal("llama3.1:8b", (string?)body["model"]));
    }

    [Fact]
    public async Task LoadTest_DirectToOllama_ReportsTokensPerSecondAndReportsPerHourFromOllamasCounts()
    {
        // The capture server answers every call with prompt_eval_count 30, eval_count 50 and eval_duration 1 s.
        await using var ollama = await WireCaptureServer.StartAsync();

        var result = await _workspace.RunAsync("loadtest", "-n", "3", "-c", "1", "--ollama", ollama.BaseUrl.ToString(), "--json", _workspace.Path("load.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Throughput per backend", result.Stdout);
        Assert.Contains("reports/hour", result.Stdout);
        Assert.Contains("50.0 tokens/s", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(_workspace.Path("load.json")));
        var backend = Assert.Single(json.RootElement.GetProperty("backends").EnumerateArray());
        Assert.Equal(ollama.BaseUrl.ToString().TrimEnd('/'), backend.GetProperty("backend").GetString());
        Assert.Equal("qwen2.5:7b", backend.GetProperty("model").GetString());
        Assert.Equal(3, backend.GetProperty("reports").GetInt32());
        Assert.Equal(90, backend.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(150, backend.GetProperty("output_tokens").GetInt64());
        Assert.Equal(50, backend.GetProperty("decode_tokens_per_second").GetDouble());
        var wall = json.RootElement.GetProperty("total_seconds").GetDouble();
        Assert.Equal(Math.Round(150 / wall, 1), backend.GetProperty("output_tokens_per_second").GetDouble(), 1);
        Assert.Equal(Math.Round(3 / wall * 3600, 1), backend.GetProperty("reports_per_hour").GetDouble(), 1);
    }

    [Fact]
    public async Task LoadTest_BadOllamaSetting_ExitsWithUsageNamingTheVariable()
    {
        var environment = new Dictionary<string, string?> { ["OLLAMA_TIMEOUT"] = "soon" };

        var result = await _workspace.RunWithEnvironmentAsync(environment, "loadtest", "-n", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Configuration error:", result.Stderr);
        Assert.Contains("OLLAMA_TIMEOUT", result.Stderr);
    }
}
