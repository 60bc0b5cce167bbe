using System.Text.Json;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class DeidTests : IDisposable
{
    private const string ChineseReport =
        "姓名：张三  性别：男  住院号：ZY20230012\n联系电话：13812345678\n检查日期：2023-05-03\n检查所见：右肺上叶见结节，大小约8mm×6mm。\n报告医师：李四";

    private const string EnglishReport =
        "Patient Name: Smith, John\nMRN: 00123456\nFINDINGS: 1.2 cm nodule in the right upper lobe.\nSigned by: Mary Johnson, MD on 03/14/2023";

    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task DeidJsonl_ReportsWithIdentifiers_ReplacesThemKeepsMedicalTextAndSummarisesByType()
    {
        var input = _workspace.Write("reports.jsonl", string.Join('\n',
            JsonSerializer.Serialize(new { accession_number = "A1", report_content = ChineseReport }),
            JsonSerializer.Serialize(new { accession_number = "A2", text = EnglishReport })) + "\n");

        var result = await _workspace.RunAsync("deid", "--input", input, "--output", _workspace.Path("out.jsonl"));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(_workspace.Path("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var chinese = lines[0].GetProperty("report_content").GetString()!;
        var english = lines[1].GetProperty("text").GetString()!;
        Assert.Equal("姓名：[姓名1]  性别：男  住院号：[编号1]", chinese.Split('\n')[0]);
        Assert.Contains("大小约8mm×6mm", chinese);
        Assert.Contains("报告医师：[姓名2]", chinese);
        Assert.DoesNotContain("13812345678", chinese);
        Assert.DoesNotContain("2023-05-03", chinese);
        Assert.Equal("Patient Name: [NAME-1]\nMRN: [RECORD-1]\nFINDINGS: 1.2 cm nodule in the right upper lobe.", string.Join('\n', english.Split('\n')[..3]));
        Assert.DoesNotContain("Johnson", english);
        Assert.Equal("A1", lines[0].GetProperty("accession_number").GetString());
        Assert.Contains("de-identified 2 report(s), 9 replacement(s): date 2, name 4, phone 1, record_number 2", result.Stderr);
        Assert.Contains("copied unchanged (not de-identified): accession_number", result.Stderr);
    }

    [Fact]
    public async Task DeidCsv_RealisticWithKeyFile_SameKeyGivesTheSameOutputAndQuotedTextSurvives()
    {
        var input = _workspace.Write("reports.csv",
            "accession_number,report_content,patient_id\r\nA1,\"" + ChineseReport.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",P1\r\n");
        var key = _workspace.Write("deid.key", "a secret of at least sixteen bytes");

        var first = await _workspace.RunAsync("deid", "-i", input, "-o", _workspace.Path("a.csv"), "--surrogates", "realistic", "--key-file", key);
        var second = await _workspace.RunAsync("deid", "-i", input, "-o", _workspace.Path("b.csv"), "--surrogates", "realistic", "--key-file", key);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var output = File.ReadAllText(_workspace.Path("a.csv"));
        Assert.Equal(output, File.ReadAllText(_workspace.Path("b.csv")));
        Assert.StartsWith("accession_number,report_content,patient_id\r\nA1,\"姓名：", output);
        Assert.Contains("大小约8mm×6mm", output);
        Assert.DoesNotContain("张三", output);
        Assert.DoesNotContain("ZY20230012", output);
        Assert.Matches("住院号：ZY[0-9]{8}", output);
        Assert.EndsWith(",P1\r\n", output);
    }

    [Fact]
    public async Task DeidTextFolder_WritesEachFileDeidentifiedIntoTheOutputFolder()
    {
        _workspace.Write("in/a.txt", ChineseReport);
        _workspace.Write("in/b.txt", EnglishReport);

        var result = await _workspace.RunAsync("deid", "--input", _workspace.Path("in"), "--output", _workspace.Path("out"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("姓名：[姓名1]", File.ReadAllText(_workspace.Path("out/a.txt")));
        Assert.StartsWith("Patient Name: [NAME-1]", File.ReadAllText(_workspace.Path("out/b.txt")));
        Assert.Contains("de-identified 2 report(s)", result.Stderr);
    }

    [Fact]
    public async Task DeidJsonl_BadLine_ExitsOneNamingTheLineAndWritesNothing()
    {
        var input = _workspace.Write("reports.jsonl", JsonSerializer.Serialize(new { text = ChineseReport }) + "\n{broken\n");

        var result = await _workspace.RunAsync("deid", "--input", input, "--output", _workspace.Path("out.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 2: bad JSON", result.Stderr);
        Assert.False(File.Exists(_workspace.Path("out.jsonl")));
        Assert.Empty(Directory.EnumerateFiles(_workspace.Folder, "*.partial"));
    }

    [Theory]
    [InlineData("--output", "same")]
    [InlineData("--key-file", "short")]
    public async Task Deid_BadOptions_IsAUsageError(string option, string kind)
    {
        var input = _workspace.Write("reports.txt", ChineseReport);
        var shortKey = _workspace.Write("short.key", "too short");
        string[] args = option == "--output"
            ? ["deid", "--input", input, "--output", input]
            : ["deid", "--input", input, "--output", _workspace.Path("out.txt"), "--key-file", shortKey];

        var result = await _workspace.RunAsync(args);

        Assert.True(result.ExitCode == 2, $"{kind}: {result}");
        Assert.Equal(ChineseReport, File.ReadAllText(input));
    }
}
