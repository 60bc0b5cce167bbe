using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReportLens.Core.Json;
using ReportLens.Core.Prompts;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Evaluation;

/// <summary>
/// Issue 14, item 6: an evaluation run over prompt versions — zero-shot and few-shot (the stored example sets) — gives
/// one row per (engine, model, prompt version), and each row's calls really sent its own prompt (checked on the wire).
/// </summary>
public abstract class EvaluationPromptVersionTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : WireCaptureAppFixture
{
    private const string ExampleText = "示例报告：右肺上叶见一肿块，边缘毛刺。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> Gold(string id, string text, string finding) => GoldRows.Report(id, text, finding);

    [Fact]
    public async Task Evaluate_ZeroShotAndFewShot_GivesTwoRowsEachMadeWithItsOwnPrompt()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var texts = Enumerable.Range(1, 2).Select(i => $"检查所见：右肺下叶见一{WireCaptureAppFixture.Finding}，边界清楚。病例{Guid.NewGuid():N}。").ToList();
        var jsonl = string.Join('\n', texts.Select((t, i) => JsonSerializer.Serialize(Gold($"pv-{i}", t, WireCaptureAppFixture.Finding), ReportLensJson.Options)));
        var upload = await EvaluationApiTests<TFixture>.UploadAsync(admin, "prompt versions", jsonl);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var goldSetId = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        object Start(params string[] versions) => new { gold_set_id = goldSetId, engines = new[] { "llm" }, models = new[] { "qwen2.5:7b" }, prompt_versions = versions };

        // No example set stored: few-shot is no stored version yet.
        var early = await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync("/api/v1/evaluations", Start("few-shot"), Ct), HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("prompt_versions", out _), early.ToString());

        var put = await admin.PutAsJsonAsync("/api/v1/prompts/highlight/zh/examples",
            new { examples = new[] { Gold("pv-example", ExampleText, "肿块") } }, ReportLensJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var setVersion = (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("prompt_version").GetString();
        var versions = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluations/prompt-versions", Ct)).EnumerateArray().ToList();
        Assert.Equal(["zero-shot", "few-shot"], versions.Select(v => v.GetProperty("name").GetString()));
        var zero = versions[0].GetProperty("version").GetString()!;
        var few = versions[1].GetProperty("version").GetString()!;
        Assert.Equal(PromptLibrary.Default.Version, zero);
        Assert.StartsWith(PromptLibrary.Default.Version + "+fs.", few, StringComparison.Ordinal);
        Assert.Equal(setVersion, Assert.Single(versions[1].GetProperty("sets").EnumerateArray()).GetProperty("prompt_version").GetString());

        var started = await admin.PostAsJsonAsync("/api/v1/evaluations", Start(zero, few), Ct);

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var run = await EvaluationApiTests<TFixture>.WaitForResultsAsync(admin, runId);
        var rows = run.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("label").GetString(), r.GetProperty("prompt_version").GetString(), r.TryGetProperty("figures", out _))).ToList();
        Assert.Equal([("llm · qwen2.5:7b", zero, true), ("llm · qwen2.5:7b · few-shot", few, true)], rows);
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/evaluations", Ct);
        Assert.Equal([zero, few], history.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == runId)
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("prompt_version").GetString()));

        // On the wire, per gold report: the few-shot row's highlight call alone carried the example turns; every other
        // first call (three zero-shot, and the few-shot row's classification and extraction, which have no set) none.
        foreach (var text in texts)
        {
            var calls = App.Model.Requests.Select(r => r["messages"]!.AsArray())
                .Where(m => ((string?)m[^1]!["content"])?.Contains(text, StringComparison.Ordinal) == true).ToList();
            Assert.Equal(6, calls.Count);
            var withExamples = Assert.Single(calls, m => m.Any(x => ((string?)x!["content"])?.Contains(ExampleText, StringComparison.Ordinal) == true));
            Assert.Equal(["system", "user", "assistant", "user"], withExamples.Select(m => (string?)m!["role"]));
            Assert.Equal(5, calls.Count(m => m.Count == 2));
        }
    }
}

public sealed class EvaluationPromptVersionSqliteTests(WireCaptureAppFixture app)
    : EvaluationPromptVersionTests<WireCaptureAppFixture>(app), IClassFixture<WireCaptureAppFixture>;

public sealed class EvaluationPromptVersionPostgresTests(PostgresWireCaptureAppFixture app)
    : EvaluationPromptVersionTests<PostgresWireCaptureAppFixture>(app), IClassFixture<PostgresWireCaptureAppFixture>;
