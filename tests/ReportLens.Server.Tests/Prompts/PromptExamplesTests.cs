using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Json;
using ReportLens.Core.Prompts;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Server.Tests.Prompts;

/// <summary>
/// Few-shot examples through real HTTP: an admin's upload reaches the model as example turns and changes the prompt
/// version annotations record (and so the cache key); bad examples are refused by example and field; the CLI door
/// stores what the API door stores.
/// </summary>
public abstract class PromptExamplesTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : WireCaptureAppFixture
{
    private const string Examples = "/api/v1/prompts/highlight/zh/examples";

    // The emoji is two UTF-16 units: offsets counted in code points land one short after it.
    private const string EmojiText = "检查所见：患者😀右肺上叶见一磨玻璃结节，大小约8mm。未见胸腔积液。";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> Gold(string id, string text, string finding, int? start = null) =>
        GoldRows.Report(id, text, finding, start, locations: ["右肺上叶"]);

    private static readonly Dictionary<string, object?>[] Valid =
    [
        Gold("zh-fs-1", EmojiText, "磨玻璃结节", EmojiText.IndexOf("磨玻璃结节", StringComparison.Ordinal)),
        Gold("zh-fs-2", "右肺上叶见一肿块，边缘毛刺。", "肿块"),
    ];

    [Fact]
    public async Task Upload_ThenAnalyse_SendsExampleTurnsAndRecordsTheSetsPromptVersion()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        using var radiologist = await App.RadiologistAsync();
        var text = $"检查所见：右肺下叶见一{WireCaptureAppFixture.Finding}，边界清楚。病例{Guid.NewGuid():N}。";
        var report = await ReportAsync(radiologist, text);

        var put = await admin.PutAsJsonAsync(Examples, new { examples = Valid }, ReportLensJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var set = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var version = set.GetProperty("prompt_version").GetString()!;
        Assert.StartsWith(PromptLibrary.Default.Version + "+fs.", version, StringComparison.Ordinal);
        var answers = set.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("answer").GetRawText()).ToList();
        Assert.Equal(2, answers.Count);

        var few = await AnalyseAsync(radiologist, report);
        Assert.Equal((version, false), (few.GetProperty("prompt_version").GetString(), few.GetProperty("cached").GetBoolean()));
        var messages = SentFor(text).Last();
        Assert.Equal(["system", "user", "assistant", "user", "assistant", "user"], messages.Select(m => (string?)m!["role"]));
        Assert.Contains(EmojiText, (string)messages[1]!["content"]!, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answers[0]), JsonNode.Parse((string)messages[2]!["content"]!)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(answers[1]), JsonNode.Parse((string)messages[4]!["content"]!)));
        Assert.Contains(text, (string)messages[5]!["content"]!, StringComparison.Ordinal);
        var again = await AnalyseAsync(radiologist, report);
        Assert.Equal((version, true), (again.GetProperty("prompt_version").GetString(), again.GetProperty("cached").GetBoolean()));

        // Cleared: zero-shot again, under the library's version, and not served from the few-shot cache entry.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Examples, Ct)).StatusCode);
        var zero = await AnalyseAsync(radiologist, report);
        Assert.Equal((PromptLibrary.Default.Version, false), (zero.GetProperty("prompt_version").GetString(), zero.GetProperty("cached").GetBoolean()));
        Assert.Equal(["system", "user"], SentFor(text).Last().Select(m => (string?)m!["role"]));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Examples, Ct)).StatusCode);

        await using var db = TestDb.Open(App);
        Assert.Equal([version, version, PromptLibrary.Default.Version],
            await db.Annotations.Where(a => a.ReportId == report).OrderBy(a => a.Id).Select(a => a.PromptVersion).ToListAsync(Ct));
        var audits = await db.AuditEntries.Where(e => e.Action == "prompt_change" && e.Detail!.Contains("highlight/zh")).Select(e => e.Detail!).ToListAsync(Ct);
        Assert.Contains($"few-shot examples for highlight/zh: 2 example(s), prompt version {version}", audits);
        Assert.Contains("few-shot examples for highlight/zh cleared (2 example(s))", audits);
    }

    [Fact]
    public async Task Upload_SpanMisCutInChineseWithEmoji_Returns400NamingTheExampleAndField()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var utf16 = EmojiText.IndexOf("磨玻璃结节", StringComparison.Ordinal);
        var codePoints = EmojiText[..utf16].EnumerateRunes().Count();
        var misCut = Gold("zh-emoji-offset", EmojiText, "磨玻璃结节", codePoints);
        var notInText = Gold("zh-not-in-text", "右肺上叶见一肿块。", "结节");

        var response = await admin.PutAsJsonAsync("/api/v1/prompts/extraction/zh/examples", new { examples = new[] { Valid[1], misCut, notInText } }, ReportLensJson.Options, Ct);

        var errors = await ErrorsAsync(response);
        Assert.Equal(["examples[1].findings[0].start", "examples[2].findings[0].text"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'zh-emoji-offset'", errors["examples[1].findings[0].start"][0], StringComparison.Ordinal);
        Assert.Contains($"UTF-16 offset {codePoints}", errors["examples[1].findings[0].start"][0], StringComparison.Ordinal);
        Assert.Contains("'zh-not-in-text'", errors["examples[2].findings[0].text"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/prompts/extraction/zh/examples", Ct)).StatusCode);

        var badRoute = await admin.PutAsJsonAsync("/api/v1/prompts/summary/fr/examples", new { examples = Valid }, ReportLensJson.Options, Ct);
        Assert.Equal(["language", "type"], (await ErrorsAsync(badRoute)).Keys.Order(StringComparer.Ordinal));
        var empty = await admin.PutAsJsonAsync("/api/v1/prompts/extraction/zh/examples", new { examples = Array.Empty<object>() }, ReportLensJson.Options, Ct);
        Assert.Equal(["examples"], (await ErrorsAsync(empty)).Keys);
    }

    [Fact]
    public async Task CliAndApi_SameFile_StoreTheSameRowsAndShowTheSameSet()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        const string path = "/api/v1/prompts/classification/zh/examples";
        var file = Path.Combine(Path.GetTempPath(), $"fewshot-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, Valid.Select(v => JsonSerializer.Serialize(v, ReportLensJson.Options)), Ct);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(path, new { examples = Valid }, ReportLensJson.Options, Ct)).StatusCode);
            var viaApi = await RowsAsync();
            var shownByApi = await admin.GetFromJsonAsync<JsonElement>(path, Ct);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path, Ct)).StatusCode);

            var set = await Cli("prompts", "examples", "set", "--type", "classification", "--language", "zh", "--file", file);
            Assert.True(set.ExitCode == 0, set.ToString());
            var viaCli = await RowsAsync();
            var shown = await Cli("prompts", "examples", "show", "--type", "classification", "--language", "zh");
            Assert.True(shown.ExitCode == 0, shown.ToString());

            Assert.Equal(2, viaApi.Count);
            Assert.Equal(viaApi, viaCli);
            Assert.Equal(Without(shownByApi, "updated_at"), Without(JsonDocument.Parse(shown.Stdout).RootElement, "updated_at"));
            Assert.Contains(shownByApi.GetProperty("prompt_version").GetString()!, set.Stderr, StringComparison.Ordinal);

            await File.WriteAllLinesAsync(file, [JsonSerializer.Serialize(Gold("zh-cli-bad", EmojiText, "磨玻璃结节", 999), ReportLensJson.Options)], Ct);
            var bad = await Cli("prompts", "examples", "set", "--type", "classification", "--language", "zh", "--file", file);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("line 1 (examples[0].findings[0].start): example 'zh-cli-bad'", bad.Stderr, StringComparison.Ordinal);
            Assert.Equal(viaCli, await RowsAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A 400 problem's errors, field → messages.</summary>
    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task<List<string>> RowsAsync()
    {
        await using var db = TestDb.Open(App);
        var rows = await db.PromptExamples.AsNoTracking().Where(e => e.Language == "zh" && e.AnnotationType == Core.Annotations.AnnotationType.Classification)
            .OrderBy(e => e.Position).ToListAsync(Ct);
        return [.. rows.Select(r => string.Join('|', r.Position, r.Name, r.ReportText, r.AnswerJson, r.GoldJson, r.PromptVersion))];
    }

    private static string Without(JsonElement element, string property)
    {
        var node = JsonNode.Parse(element.GetRawText())!.AsObject();
        node.Remove(property);
        return node.ToJsonString();
    }

    private Task<CliResult> Cli(params string[] args) =>
        CliProcess.RunAsync(AppContext.BaseDirectory, [.. args, "--database", App.Database.Url], null, null, Ct);

    /// <summary>The messages of each request the model got for a report holding <paramref name="text"/>, oldest first.</summary>
    private List<JsonArray> SentFor(string text) =>
    [
        .. App.Model.Requests.Select(r => r["messages"]!.AsArray())
            .Where(m => ((string?)m[^1]!["content"])?.Contains(text, StringComparison.Ordinal) == true),
    ];

    private static async Task<int> ReportAsync(HttpClient client, string text)
    {
        var created = await client.PostAsJsonAsync("/api/v1/reports", new { report_content = text }, ReportLensJson.Options, Ct);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> AnalyseAsync(HttpClient client, int report)
    {
        var analysed = await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = report, user_prompt = "", annotation_type = "highlight", engine = "llm" }, ReportLensJson.Options, Ct);
        Assert.True(analysed.IsSuccessStatusCode, await analysed.Content.ReadAsStringAsync(Ct));
        return await analysed.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}

public sealed class PromptExamplesSqliteTests(WireCaptureAppFixture app) : PromptExamplesTests<WireCaptureAppFixture>(app), IClassFixture<WireCaptureAppFixture>;

public sealed class PromptExamplesPostgresTests(PostgresWireCaptureAppFixture app) : PromptExamplesTests<PostgresWireCaptureAppFixture>(app), IClassFixture<PostgresWireCaptureAppFixture>;
