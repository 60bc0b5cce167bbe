using System.Text.Json;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>`--server URL --token T`: the CLI against a running ReportLens server backed by the emulator.</summary>
public sealed class ServerModeTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task LoadTest_AgainstServer_AllRequestsSucceedAndLatenciesAreReported()
    {
        var result = await _workspace.RunAsync("loadtest", "--requests", "12", "--concurrency", "3", "--type", "extraction",
            "--server", server.Url, "--token", server.Token, "--json", _workspace.Path("load.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("analyze-text", result.Stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(_workspace.Path("load.json")));
        Assert.Equal(12, json.RootElement.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("failed").GetInt32());
        var latency = json.RootElement.GetProperty("latency");
        Assert.True(latency.GetProperty("min").GetDouble() <= latency.GetProperty("p50").GetDouble());
        Assert.True(latency.GetProperty("p50").GetDouble() <= latency.GetProperty("p99").GetDouble());
        Assert.True(latency.GetProperty("p99").GetDouble() <= latency.GetProperty("max").GetDouble());

        // Tokens/s and reports/hour per backend, from what each answer says it cost.
        Assert.Contains("Throughput per backend", result.Stdout);
        var backend = Assert.Single(json.RootElement.GetProperty("backends").EnumerateArray());
        Assert.Equal(server.Emulator.BaseUrl.ToString().TrimEnd('/'), backend.GetProperty("backend").GetString()!.TrimEnd('/'));
        Assert.Equal(12, backend.GetProperty("reports").GetInt32());
        Assert.True(backend.GetProperty("prompt_tokens").GetInt64() > 0);
        Assert.True(backend.GetProperty("prompt_tokens_per_second").GetDouble() > 0);
        Assert.True(backend.GetProperty("output_tokens_per_second").GetDouble() > 0);
        Assert.True(backend.GetProperty("reports_per_hour").GetDouble() > 0);
    }

    [Fact]
    public async Task LoadTest_DirectlyAgainstEmulatorChat_IsLabelledAsSuch()
    {
        var result = await _workspace.RunAsync("loadtest", "-n", "6", "-c", "2", "--ollama", server.Emulator.BaseUrl.ToString(), "--json", _workspace.Path("load.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("directly", result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(_workspace.Path("load.json")));
        Assert.Equal(6, json.RootElement.GetProperty("succeeded").GetInt32());
        Assert.Contains("/api/chat", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public async Task AnalyzeStdin_ViaServer_ReturnsServersAnnotation()
    {
        var result = await _workspace.RunWithInputAsync(TestData.ChestCt, "analyze", "-", "--type", "classification", "--engine", "rules",
            "--server", server.Url, "--token", server.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("rules", json.RootElement.GetProperty("engine").GetString());
        Assert.True(json.RootElement.GetProperty("content").GetProperty("classifications").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Analyze_ViaServerWithBadToken_ExitsOneWithProblemTitle()
    {
        var result = await _workspace.RunWithInputAsync(TestData.ChestCt, "analyze", "-", "--type", "highlight", "--server", server.Url, "--token", "not-a-token");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("401", result.Stderr);
    }

    [Fact]
    public async Task Import_ViaServer_CreatesReports()
    {
        var accession = $"S-{Guid.NewGuid():N}"[..20];
        var file = _workspace.Write("reports.jsonl", TestData.Jsonl((accession, TestData.HeadMri)));

        var result = await _workspace.RunAsync("import", file, "--server", server.Url, "--token", server.Token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 created", result.Stderr);
        var stored = Assert.Single(await server.FindReportsAsync(accession));
        Assert.Equal(accession, stored.GetProperty("accession_number").GetString());
        Assert.Equal("CT", stored.GetProperty("modality").GetString());
    }

    [Fact]
    public async Task Import_SameFileTwiceViaServer_SecondRunCreatesNothingAndCountsAllUnchanged()
    {
        var first = $"T-{Guid.NewGuid():N}"[..20];
        var second = $"T-{Guid.NewGuid():N}"[..20];
        var file = _workspace.Write("reports.jsonl", TestData.Jsonl((first, TestData.ChestCt), (second, TestData.HeadMri)));

        var once = await _workspace.RunAsync("import", file, "--server", server.Url, "--token", server.Token);
        var twice = await _workspace.RunAsync("import", file, "--server", server.Url, "--token", server.Token);

        Assert.True(once.ExitCode == 0, once.ToString());
        Assert.Contains("2 created, 0 updated, 0 unchanged", once.Stderr);
        Assert.True(twice.ExitCode == 0, twice.ToString());
        Assert.Contains("imported 2 report(s): 0 created, 0 updated, 2 unchanged", twice.Stderr);
        Assert.Single(await server.FindReportsAsync(first));
        Assert.Single(await server.FindReportsAsync(second));
    }

    [Fact]
    public async Task Analyze_ServerUnreachable_ExitsOneWithOneLine()
    {
        var result = await _workspace.RunWithInputAsync(TestData.ChestCt, "analyze", "-", "--type", "highlight", "--server", "http://127.0.0.1:9", "--token", "t");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: server unreachable", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task AnalyzeReportIdThenExportFhir_ViaServer_ImportsIntoLocalDatabaseWithTheAnnotation()
    {
        var file = _workspace.Write("one.jsonl", TestData.Jsonl(($"X-{Guid.NewGuid():N}"[..20], TestData.ChestCt)));
        Assert.Equal(0, (await _workspace.RunAsync("import", file, "--server", server.Url, "--token", server.Token)).ExitCode);
        var listed = await _workspace.RunAsync("export", "--format", "jsonl", "--server", server.Url, "--token", server.Token, "--output", _workspace.Path("all.jsonl"));
        Assert.True(listed.ExitCode == 0, listed.ToString());

        var analyzed = await _workspace.RunAsync("analyze", "--report-id", "1", "--type", "classification", "--engine", "rules",
            "--server", server.Url, "--token", server.Token);
        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        Assert.Equal(1, JsonDocument.Parse(analyzed.Stdout).RootElement.GetProperty("report_id").GetInt32());
        var exported = await _workspace.RunAsync("export", "--format", "fhir", "--report-id", "1", "--type", "classification",
            "--server", server.Url, "--token", server.Token, "--output", _workspace.Path("one.fhir.json"));

        Assert.True(exported.ExitCode == 0, exported.ToString());
        await _workspace.CreateDatabaseAsync();
        var imported = await _workspace.RunAsync("import", _workspace.Path("one.fhir.json"));
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("1 created", imported.Stderr);
        Assert.Contains("annotation(s) added", imported.Stderr);
        Assert.DoesNotContain("0 annotation(s) added", imported.Stderr);
    }

    [Fact]
    public async Task Login_GoodAndBadPassword_PrintsTokenOrFailsWithProblemTitle()
    {
        var good = await _workspace.RunWithInputAsync(ServerFixture.AdminPassword + "\n", "login", "--server", server.Url, "--username", ServerFixture.AdminUser);
        var bad = await _workspace.RunAsync("login", "--server", server.Url, "--username", ServerFixture.AdminUser, "--password", "wrong-password");

        Assert.True(good.ExitCode == 0, good.ToString());
        var token = good.Stdout.Trim();
        var list = await _workspace.RunAsync("export", "--format", "jsonl", "--type", "scoring", "--server", server.Url, "--token", token, "--output", _workspace.Path("x.jsonl"));
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.Stderr.Trim().Split('\n'));
    }
}
