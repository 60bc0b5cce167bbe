using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Core.Annotations;

namespace ReportLens.Cli.Tests;

public sealed class CliAnalyzeTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AnalyzeFile_Rules_PrintsGroundedAnnotationJson()
    {
        var file = _workspace.Write("report.txt", TestData.ChestCt);

        var result = await _workspace.RunAsync("analyze", file, "--type", "extraction", "--engine", "rules");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("rules", json.RootElement.GetProperty("engine").GetString());
        var measurement = json.RootElement.GetProperty("content").GetProperty("measurements")[0];
        var grounding = measurement.GetProperty("grounding");
        var start = grounding.GetProperty("start").GetInt32();
        var end = grounding.GetProperty("end").GetInt32();
        Assert.Equal(measurement.GetProperty("text").GetString(), TestData.ChestCt[start..end]);
    }

    [Fact]
    public async Task AnalyzeStdin_RulesClassification_ReadsTextFromStdin()
    {
        var result = await _workspace.RunWithInputAsync(TestData.HeadMri, "analyze", "-", "--type", "classification", "--engine", "rules");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var items = json.RootElement.GetProperty("content").GetProperty("classifications").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("dimension").GetString() == "检查部位" && i.GetProperty("category").GetString() == "头颅");
    }

    [Fact]
    public async Task AnalyzeFile_LlmAgainstEmulator_ReportsModelAndTokens()
    {
        var file = _workspace.Write("report.txt", TestData.ChestCt);

        var result = await _workspace.RunAsync("analyze", file, "--type", "highlight", "--engine", "llm", "--model", "qwen2.5:7b", "--ollama", emulator.Url);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("llm", json.RootElement.GetProperty("engine").GetString());
        Assert.Equal("qwen2.5:7b", json.RootElement.GetProperty("model_name").GetString());
        Assert.True(json.RootElement.GetProperty("eval_count").GetInt32() > 0);
    }

    [Fact]
    public async Task AnalyzeBatch_InterruptedOutput_SkipsDoneIdsAndAppendsTheRest()
    {
        var input = _workspace.Write("in.jsonl", string.Join('\n',
            JsonSerializer.Serialize(new { id = "a", text = TestData.ChestCt }),
            JsonSerializer.Serialize(new { id = 2, text = TestData.HeadMri }),
            JsonSerializer.Serialize(new { id = "c", text = TestData.EnglishXray })) + "\n");
        var output = _workspace.Path("out.jsonl");
        File.WriteAllText(output, """{"id":"a","engine":"rules","content":{}}""" + "\n" + """{"id":"c","error":"earlier failure"}""" + "\n{\"id\":\"tr");

        var result = await _workspace.RunAsync("analyze", "--input", input, "--output", output, "--type", "scoring", "--engine", "rules", "--concurrency", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 analysed, 1 already in", result.Stderr);
        var lines = File.ReadAllLines(output).Skip(3).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["2", "c"], lines.Select(l => l.GetProperty("id").GetString()).Order());
        Assert.All(lines, l => Assert.True(l.GetProperty("content").GetProperty("overall_score").GetInt32() > 0));
    }

    [Fact]
    public async Task AnalyzeBatch_BadInputLine_IsWrittenAsErrorAndExitsOne()
    {
        var input = _workspace.Write("in.jsonl", JsonSerializer.Serialize(new { id = "a", text = TestData.ChestCt }) + "\n{oops\n");

        var result = await _workspace.RunAsync("analyze", "--input", input, "--output", _workspace.Path("out.jsonl"), "--type", "highlight", "--engine", "rules");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2: bad JSON", File.ReadAllText(_workspace.Path("out.jsonl")));
    }

    [Fact]
    public async Task Analyze_NoInputGiven_IsUsageError()
    {
        var result = await _workspace.RunAsync("analyze", "--type", "highlight");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task ImportAnalyzeExportImport_Fhir_KeepsEveryReportAndAnnotation()
    {
        await _workspace.CreateDatabaseAsync();
        var source = _workspace.Write("reports.jsonl", TestData.Jsonl(("R1", TestData.ChestCt), ("R2", TestData.HeadMri), ("R3", TestData.EnglishXray)));
        Assert.Equal(0, (await _workspace.RunAsync("import", source)).ExitCode);
        foreach (var type in new[] { "extraction", "classification", "highlight" })
        {
            var analyzed = await _workspace.RunAsync("analyze", "--all", "--type", type, "--engine", "rules");
            Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        }

        var again = await _workspace.RunAsync("analyze", "--all", "--type", "extraction", "--engine", "rules");
        Assert.Contains("0 report(s) analysed", again.Stderr);
        var exported = await _workspace.RunAsync("export", "--format", "fhir", "--output", _workspace.Path("bundle.json"));
        Assert.True(exported.ExitCode == 0, exported.ToString());

        using var fresh = new Workspace();
        await fresh.CreateDatabaseAsync();
        var imported = await fresh.RunAsync("import", _workspace.Path("bundle.json"));

        Assert.True(imported.ExitCode == 0, imported.ToString());
        await using var db = _workspace.Open();
        Assert.Equal(9, await db.Annotations.CountAsync(TestContext.Current.CancellationToken));
        await RoundTrip.AssertSameReportsAndAnnotationsAsync(_workspace, fresh);
    }

    [Fact]
    public async Task AnalyzeReportId_Rules_SavesAnnotationAndPrintsItsId()
    {
        await _workspace.CreateDatabaseAsync();
        await _workspace.RunAsync("import", _workspace.Write("r.jsonl", TestData.Jsonl(("R1", TestData.ChestCt))));
        await using var db = _workspace.Open();
        var id = (await db.Reports.SingleAsync(TestContext.Current.CancellationToken)).Id;

        var result = await _workspace.RunAsync("analyze", "--report-id", id.ToString(), "--type", "classification", "--engine", "rules");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var annotationId = json.RootElement.GetProperty("annotation_id").GetInt64();
        var stored = await db.Annotations.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(annotationId, stored.Id);
        Assert.Equal(EngineKind.Rules, stored.Engine);
        var missing = await _workspace.RunAsync("analyze", "--report-id", "999", "--type", "classification", "--engine", "rules");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no report with id 999", missing.Stderr);
    }
}
