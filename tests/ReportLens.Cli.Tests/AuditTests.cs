using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>The CLI reads and writes patient reports directly, so it leaves the same audit trail as the server.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task ImportAnalyzeExport_WriteAuditRecordsPerReportAsTheCliUser()
    {
        await workspace.CreateDatabaseAsync();
        var file = workspace.Write("reports.jsonl", TestData.Jsonl(("A1", TestData.ChestCt), ("A2", TestData.HeadMri)));
        Assert.Equal(0, (await workspace.RunAsync("import", file)).ExitCode);
        int firstId;
        await using (var db = workspace.Open())
        {
            firstId = await db.Reports.Where(r => r.AccessionNumber == "A1").Select(r => r.Id).SingleAsync();
        }

        Assert.Equal(0, (await workspace.RunAsync("analyze", "--report-id", firstId.ToString(), "--type", "classification", "--engine", "rules")).ExitCode);
        Assert.Equal(0, (await workspace.RunAsync("export", "--format", "jsonl", "--output", workspace.Path("out.jsonl"))).ExitCode);

        await using var check = workspace.Open();
        var entries = await check.AuditEntries.ToListAsync();
        Assert.Equal(2, entries.Count(e => e.Action == "import"));
        Assert.Single(entries, e => e.Action == "analyze" && e.ReportId == firstId);
        Assert.Single(entries, e => e.Action == "export" && e.ReportId == firstId);
        Assert.All(entries, e => Assert.StartsWith("cli:", e.Username));
    }
}
