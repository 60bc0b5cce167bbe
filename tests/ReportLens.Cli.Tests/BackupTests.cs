using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class BackupTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task BackupThenRestore_Sqlite_BringsBackTheBackedUpReports()
    {
        await _workspace.CreateDatabaseAsync();
        await _workspace.RunAsync("import", _workspace.Write("a.jsonl", TestData.Jsonl(("B1", TestData.ChestCt), ("B2", TestData.HeadMri))));

        var backup = await _workspace.RunAsync("db", "backup", "--output", _workspace.Path("backup.db"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        await _workspace.RunAsync("import", _workspace.Write("b.jsonl", TestData.Jsonl(("B3", TestData.EnglishXray))));
        Assert.Equal(3, await _workspace.CountReportsAsync());

        var restore = await _workspace.RunAsync("db", "restore", "--input", _workspace.Path("backup.db"));

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(2, await _workspace.CountReportsAsync());
    }

    [Fact]
    public async Task Restore_MissingFile_ExitsOneWithOneLine()
    {
        await _workspace.CreateDatabaseAsync();

        var result = await _workspace.RunAsync("db", "restore", _workspace.Path("nope.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
