using ReportLens.Core.Interop;

namespace ReportLens.Cli.Tests;

/// <summary>The pure readers and writers of Core/Interop, in process (the CLI tests cover them end to end).</summary>
public sealed class InteropTests
{
    private static async Task<List<CsvRecord>> ParseAsync(string csv, char delimiter = ',')
    {
        var records = new List<CsvRecord>();
        await foreach (var record in CsvParser.ReadAsync(new StringReader(csv), delimiter, TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task CsvParser_QuotesNewlinesAndCrLf_FollowRfc4180AndKeepStartLines()
    {
        var records = await ParseAsync("a,b\r\n\"x,1\",\"he said \"\"hi\"\"\"\r\n\"multi\nline\",z\r\nlast,\"\"");

        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["x,1", "he said \"hi\""], records[1].Fields);
        Assert.Equal(["multi\nline", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
    }

    [Fact]
    public async Task CsvParser_UnclosedQuote_ThrowsNamingTheRecordsLine()
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => ParseAsync("a,b\n1,\"open\nstill open"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public async Task CsvWriter_FieldsNeedingQuotes_ParseBackUnchanged()
    {
        string[] fields = ["plain", "with,comma", "with \"quote\"", "two\nlines", ""];
        var text = new StringWriter();
        await new CsvWriter(text).WriteRecordAsync(fields, TestContext.Current.CancellationToken);

        var parsed = await ParseAsync(text.ToString());

        Assert.Equal(fields, parsed.Single().Fields);
    }

    [Theory]
    [InlineData("""{"text":"x","exam_date":"2024-02-30"}""", "exam_date")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("""{"accession_number":"A"}""", "report_content")]
    [InlineData("""{"text":"   "}""", "empty")]
    public void JsonlReader_BadLine_SaysWhyWithoutQuotingText(string line, string expected)
    {
        var row = JsonlReportReader.ParseLine(line, "line 7");

        Assert.Null(row.Report);
        Assert.Contains(expected, row.Error);
        Assert.Equal("line 7", row.Location);
    }

    [Theory]
    [InlineData("cm", "cm")]
    [InlineData("毫米", "mm")]
    [InlineData("ml", "mL")]
    [InlineData("HU", "[hnsf'U]")]
    public void UcumUnits_KnownUnits_MapToUcumCodes(string unit, string code)
    {
        Assert.True(UcumUnits.TryGetCode(unit, out var actual));
        Assert.Equal(code, actual);
    }

    [Fact]
    public void UcumUnits_UnknownUnit_IsNotMapped() => Assert.False(UcumUnits.TryGetCode("furlong", out _));
}
