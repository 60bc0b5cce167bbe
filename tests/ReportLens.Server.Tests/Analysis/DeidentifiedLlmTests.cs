using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>
/// Issue 16: a backend that is to get de-identified text (here the emulator, OLLAMA_DEIDENTIFY=true) receives no
/// identifier of the report, and the highlights it returns, mapped back, cut out exactly the original text.
/// </summary>
public abstract class DeidentifiedLlmTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : DeidEmulatorAppFixture
{
    private const string Chinese =
        "姓名：张伟  性别：男  年龄：45岁  住院号：ZY20230517\n身份证号：110105198003071234  联系电话：13912345678\n" +
        "检查日期：2023年5月17日\n检查所见：右肺上叶见一结节，大小约8mm×6mm，边缘毛糙。双侧胸腔少量积液。心影增大。\n" +
        "诊断意见：右肺上叶结节，建议随访。\n报告医师：李明  审核医师：王芳";

    private static readonly string[] ChineseIdentifiers =
        ["张伟", "ZY20230517", "110105198003071234", "13912345678", "2023年5月17日", "李明", "王芳"];

    private const string English =
        "Patient Name: Whitaker, Joan\nMRN: 00482913\nExam date: 03/14/2023\nPhone: (415) 555-0132\n" +
        "FINDINGS: There is a 2.1 cm nodule in the right upper lobe. Small left pleural effusion. The heart is enlarged.\n" +
        "IMPRESSION: Right upper lobe nodule. Pleural effusion.\nElectronically signed by Dr. Harrington on 03/15/2023.";

    private static readonly string[] EnglishIdentifiers =
        ["Whitaker", "Joan", "00482913", "03/14/2023", "555-0132", "Harrington", "03/15/2023"];

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Analyze_BackendGetsDeidentifiedText_NoIdentifierLeavesAndHighlightsCutTheOriginal(string language)
    {
        App.SkipIfUnavailable();
        var ct = TestContext.Current.CancellationToken;
        var (text, identifiers) = language == "zh" ? (Chinese, ChineseIdentifiers) : (English, EnglishIdentifiers);
        // A unique tail keeps the result cache out of it; it is no identifier.
        text += $"\n{Guid.NewGuid():N}";
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<TFixture>.CreateAsync(client, text);
        var before = App.Emulator.ReceivedMessages.Count;

        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = id, user_prompt = "", annotation_type = "highlight", engine = "llm", cache = "bypass" }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sent = string.Join("\n", App.Emulator.ReceivedMessages.Skip(before));
        Assert.Contains(language == "zh" ? "右肺上叶见一结节" : "2.1 cm nodule in the right upper lobe", sent, StringComparison.Ordinal);
        Assert.Contains(language == "zh" ? "[姓名1]" : "[NAME-1]", sent, StringComparison.Ordinal);
        Assert.All(identifiers, identifier => Assert.DoesNotContain(identifier, sent, StringComparison.Ordinal));

        // What the report view draws: the stored annotation as the API gives it back.
        var stored = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{id}/annotations", ct)).EnumerateArray());
        var highlights = stored.GetProperty("content").GetProperty("highlights").EnumerateArray()
            .Where(h => h.GetProperty("grounding").GetProperty("match").GetString() != "none").ToList();
        Assert.NotEmpty(highlights);
        // Past the identifiers the de-identified text and the original differ in length: a span not mapped back would miss.
        var findingsStart = text.IndexOf(language == "zh" ? "检查所见" : "FINDINGS", StringComparison.Ordinal);
        Assert.Contains(highlights, h => h.GetProperty("start").GetInt32() > findingsStart);
        foreach (var h in highlights)
        {
            var span = text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()];
            Assert.Equal(span, h.GetProperty("grounding").GetProperty("source_text").GetString());
            Assert.Equal(span, h.GetProperty("text").GetString());
        }

        await using var db = TestDb.Open(App);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.ReportId == id && e.Action == "analyze").SingleAsync(ct);
        Assert.EndsWith("got de-identified text", audit.Detail, StringComparison.Ordinal);
    }
}

public sealed class DeidentifiedLlmSqliteTests(DeidEmulatorAppFixture app)
    : DeidentifiedLlmTests<DeidEmulatorAppFixture>(app), IClassFixture<DeidEmulatorAppFixture>;

public sealed class DeidentifiedLlmPostgresTests(PostgresDeidEmulatorAppFixture app)
    : DeidentifiedLlmTests<PostgresDeidEmulatorAppFixture>(app), IClassFixture<PostgresDeidEmulatorAppFixture>;
