using System.Text.Json;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class EvalTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string GoldPath => Path.Combine(AppContext.BaseDirectory, "data", "corpus", "gold.jsonl");

    [Fact]
    public async Task Eval_RulesAndLlmOnGoldSubset_WritesComparisonJsonAndSelfContainedHtml()
    {
        var gold = _workspace.Write("gold.jsonl", string.Join('\n', File.ReadLines(GoldPath).Where(l => l.Length > 0).Take(6)) + "\n");

        var result = await _workspace.RunAsync("eval", "--gold", gold, "--engines", "rules,llm", "--models", "qwen2.5:7b",
            "--ollama", emulator.Url, "--json", _workspace.Path("eval.json"), "--html", _workspace.Path("eval.html"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("classification: 紧急程度", result.Stdout);
        Assert.Contains("llm · qwen2.5:7b", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(_workspace.Path("eval.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["rules", "llm"], runs.Select(r => r.GetProperty("engine").GetString()));
        var rules = runs[0].GetProperty("metrics");
        Assert.Equal(6, rules.GetProperty("report_count").GetInt32());
        Assert.Equal(1.0, rules.GetProperty("grounded_fraction").GetDouble());
        Assert.Equal(6, rules.GetProperty("classification")[0].GetProperty("total").GetInt32());
        var llm = runs[1].GetProperty("metrics");
        Assert.True(llm.GetProperty("tokens_per_second").GetDouble() > 0);
        var html = File.ReadAllText(_workspace.Path("eval.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("<table>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=\"http", html);
    }

    [Fact]
    public async Task Eval_FewShotFile_RunsZeroAndFewShotSideBySideWithoutScoringTheExamples()
    {
        var lines = File.ReadLines(GoldPath).Where(l => l.Length > 0).ToList();
        var zh = lines.Where(l => JsonDocument.Parse(l).RootElement.GetProperty("language").GetString() == "zh").ToList();
        var examples = _workspace.Write("examples.jsonl", string.Join('\n', zh.Take(2)) + "\n");
        var gold = _workspace.Write("gold.jsonl", string.Join('\n', zh.Take(5)) + "\n");
        var evaluated = _workspace.Write("evaluated.jsonl", string.Join('\n', zh.Skip(2).Take(3)) + "\n");
        var start = emulator.Host.Stats.Snapshot();
        var zeroOnly = await _workspace.RunAsync("eval", "--gold", evaluated, "--engines", "llm", "--models", "qwen2.5:7b", "--ollama", emulator.Url);
        Assert.True(zeroOnly.ExitCode == 0, zeroOnly.ToString());
        var before = emulator.Host.Stats.Snapshot();

        var result = await _workspace.RunAsync("eval", "--gold", gold, "--engines", "rules,llm", "--models", "qwen2.5:7b", "--ollama", emulator.Url,
            "--few-shot", examples, "--json", _workspace.Path("eval.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 gold report(s) used as examples left out", result.Stdout);
        Assert.Contains("zero-shot", result.Stdout);
        Assert.Contains("few-shot", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(_workspace.Path("eval.json")));
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([("rules", null), ("llm", "zero-shot"), ("llm", "few-shot")],
            runs.Select(r => (r.GetProperty("engine").GetString(), r.TryGetProperty("prompt", out var p) ? p.GetString() : null)));
        Assert.All(runs, r => Assert.Equal(3, r.GetProperty("metrics").GetProperty("report_count").GetInt32()));
        // 3 reports × 3 types per LLM run; the few-shot run's prompts carry two example reports each.
        var after = emulator.Host.Stats.Snapshot();
        Assert.Equal(18, after.Requests - before.Requests);
        var zeroShot = before.PromptTokens - start.PromptTokens;
        var fewShot = after.PromptTokens - before.PromptTokens - zeroShot;
        Assert.True(fewShot > zeroShot * 13 / 10, $"few-shot run {fewShot} prompt tokens, zero-shot run {zeroShot}");
    }

    [Fact]
    public async Task Eval_OllamaDown_ReportsLlmRunAsNotRunAndExitsOne()
    {
        var gold = _workspace.Write("gold.jsonl", File.ReadLines(GoldPath).First() + "\n");

        var result = await _workspace.RunAsync("eval", "--gold", gold, "--engines", "rules,llm", "--ollama", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not run", result.Stderr);
        Assert.Contains("rules", result.Stdout);
    }

    [Fact]
    public async Task Eval_MalformedGold_ExitsOneNamingTheLine()
    {
        var gold = _workspace.Write("gold.jsonl", File.ReadLines(GoldPath).First() + "\n{broken\n");

        var result = await _workspace.RunAsync("eval", "--gold", gold);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("gold.jsonl:2", result.Stderr);
    }
}
