using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Fhir;
using ReportLens.Cli.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace ReportLens.Cli.Tests;

/// <summary>Issue 16: `export --deidentify` writes no identifier, and the exported highlights cut out the exported text.</summary>
public sealed class ExportDeidentifyTests : IDisposable
{
    private const string Text =
        "姓名：张伟  性别：男  住院号：ZY20230517\n身份证号：110105198003071234  联系电话：13912345678\n检查日期：2023年5月17日\n" +
        "检查所见：右肺上叶见一结节，大小约8mm×6mm，边缘毛糙。双侧胸腔少量积液。\n诊断意见：右肺上叶结节，建议随访。\n报告医师：李明";

    private static readonly string[] Identifiers = ["张伟", "ZY20230517", "110105198003071234", "13912345678", "2023年5月17日", "李明", "ACC-778899"];

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ExportJsonl_Deidentify_NoIdentifierAndEveryHighlightCutsTheExportedText()
    {
        await SeedAsync();

        var plain = await _workspace.RunAsync("export", "--format", "jsonl", "--output", _workspace.Path("plain.jsonl"));
        var result = await _workspace.RunAsync("export", "--format", "jsonl", "--deidentify", "--output", _workspace.Path("deid.jsonl"));

        Assert.True(plain.ExitCode + result.ExitCode == 0, plain + "\n" + result);
        Assert.Contains("张伟", File.ReadAllText(_workspace.Path("plain.jsonl")), StringComparison.Ordinal);
        var written = File.ReadAllText(_workspace.Path("deid.jsonl"));
        Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, written, StringComparison.Ordinal));
        var lines = File.ReadAllLines(_workspace.Path("deid.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var highlight = lines.Single(l => l.GetProperty("annotation_type").GetString() == "highlight");
        var report = highlight.GetProperty("report");
        var text = report.GetProperty("report_content").GetString()!;
        Assert.Contains("姓名：[姓名1]", text, StringComparison.Ordinal);
        Assert.Contains("大小约8mm×6mm", text, StringComparison.Ordinal);
        Assert.NotEqual("2025-06-01", report.GetProperty("exam_date").GetString());
        var spans = highlight.GetProperty("content").GetProperty("highlights").EnumerateArray().ToList();
        Assert.Contains(spans, h => h.GetProperty("start").GetInt32() > text.IndexOf("检查所见", StringComparison.Ordinal));
        Assert.All(spans, h =>
        {
            var cut = text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()];
            Assert.Equal(cut, h.GetProperty("grounding").GetProperty("source_text").GetString());
            Assert.Equal(cut, h.GetProperty("text").GetString());
        });

        await using var db = _workspace.Open();
        var audits = await db.AuditEntries.Where(e => e.Action == "export").Select(e => e.Detail).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["cli export", "cli export, de-identified"], audits.Order());
    }

    [Fact]
    public async Task ExportFhir_Deidentify_ValidBundleWithoutIdentifiers()
    {
        await SeedAsync();

        var result = await _workspace.RunAsync("export", "--format", "fhir", "--deidentify", "--output", _workspace.Path("deid.json"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = File.ReadAllText(_workspace.Path("deid.json"));
        Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, written, StringComparison.Ordinal));
        var bundle = Assert.IsType<Bundle>(FhirJson.Parse(written));
        Assert.Empty(bundle.Validate());
        Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>());
    }

    private async Task SeedAsync()
    {
        await _workspace.CreateDatabaseAsync();
        var line = JsonSerializer.Serialize(new { accession_number = "ACC-778899", report_content = Text, modality = "CT", exam_date = "2025-06-01" });
        Assert.Equal(0, (await _workspace.RunAsync("import", _workspace.Write("r.jsonl", line + "\n"))).ExitCode);
        foreach (var type in new[] { "highlight", "extraction" })
        {
            var analyzed = await _workspace.RunAsync("analyze", "--all", "--type", type, "--engine", "rules");
            Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        }
    }
}
