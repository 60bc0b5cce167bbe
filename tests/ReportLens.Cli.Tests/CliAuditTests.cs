using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>The CLI reads and writes patient reports directly, so it leaves the same audit trail as the server.</summary>
public sealed class CliAuditTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task ImportAnalyzeExport_WriteAuditRecordsPerReportAsTheCliUser()
    {
        await _workspace.CreateDatabaseAsync();
        var file = _workspace.Write("reports.jsonl", TestData.Jsonl(("A1", TestData.ChestCt), ("A2", TestData.HeadMri)));
        Assert.Equal(0, (await _workspace.RunAsync("import", file)).ExitCode);
        int firstId;
        await using (var db = _workspace.Open())
        {
            firstId = await db.Reports.Where(r => r.AccessionNumber == "A1").Select(r => r.Id).SingleAsync();
        }

        Assert.Equal(0, (await _workspace.RunAsync("analyze", "--report-id", firstId.ToString(), "--type", "classification", "--engine", "rules")).ExitCode);
        Assert.Equal(0, (await _workspace.RunAsync("export", "--format", "jsonl", "--output", _workspace.Path("out.jsonl"))).ExitCode);

        await using var check = _workspace.Open();
        var entries = await check.AuditEntries.ToListAsync();
        // One set of audit actions for every door: an import is a "create", as from the web import.
        Assert.Equal(2, entries.Count(e => e.Action == "create"));
        Assert.Single(entries, e => e.Action == "analyze" && e.ReportId == firstId);
        Assert.Single(entries, e => e.Action == "export" && e.ReportId == firstId);
        Assert.All(entries, e => Assert.StartsWith("cli:", e.Username));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Export_OneAnalysedOneUnanalysedReport_AuditsOnlyTheAnalysedOne(string format)
    {
        await _workspace.CreateDatabaseAsync();
        var analysed = await SeedAnalysedAndUnanalysedAsync();

        var result = await _workspace.RunAsync("export", "--format", format, "--output", _workspace.Path("out." + format));

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var check = _workspace.Open();
        var exported = await check.AuditEntries.Where(e => e.Action == "export").Select(e => e.ReportId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(analysed, Assert.Single(exported));
    }

    [Fact]
    public async Task Export_OutputCannotBeWritten_ExitsOneAndWritesNoAuditRecord()
    {
        await _workspace.CreateDatabaseAsync();
        await SeedAnalysedAndUnanalysedAsync();

        var result = await _workspace.RunAsync("export", "--format", "jsonl", "--output", _workspace.Path("missing-folder/out.jsonl"));

        Assert.Equal(1, result.ExitCode);
        await using var check = _workspace.Open();
        Assert.False(await check.AuditEntries.AnyAsync(e => e.Action == "export", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UsersAddSetRoleResetPassword_EachWritesOneUserChangeRecord()
    {
        await _workspace.CreateDatabaseAsync();

        var add = await _workspace.RunAsync("users", "add", "erin", "--role", "viewer", "--password", "first-password");
        var afterAdd = await UserChangesAsync();
        var setRole = await _workspace.RunAsync("users", "set-role", "erin", "radiologist");
        var afterSetRole = await UserChangesAsync();
        var reset = await _workspace.RunAsync("users", "reset-password", "erin", "--password", "second-password");
        var afterReset = await UserChangesAsync();

        Assert.True(add.ExitCode + setRole.ExitCode + reset.ExitCode == 0, $"{add}\n{setRole}\n{reset}");
        Assert.Contains("erin", Assert.Single(afterAdd));
        Assert.Contains("radiologist", afterSetRole[1]);
        Assert.Equal(2, afterSetRole.Count);
        Assert.Contains("password", afterReset[2]);
        Assert.Equal(3, afterReset.Count);
    }

    private async Task<int> SeedAnalysedAndUnanalysedAsync()
    {
        await using var db = _workspace.Open();
        var at = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var analysed = Seed.NewReport("A1", TestData.ChestCt, "zh", "CT", "胸部", at);
        analysed.Annotations.Add(Seed.NewAnnotation(Seed.ChestClassification, at));
        db.Reports.AddRange(analysed, Seed.NewReport("A2", TestData.HeadMri, "zh", "MRI", "头颅", at));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return analysed.Id;
    }

    /// <summary>The details of the user_change records, oldest first; the action name is the server's.</summary>
    private async Task<List<string?>> UserChangesAsync()
    {
        await using var db = _workspace.Open();
        var entries = await db.AuditEntries.Where(e => e.Action == "user_change").OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(entries, e => Assert.StartsWith("cli:", e.Username));
        return [.. entries.Select(e => e.Detail)];
    }
}
