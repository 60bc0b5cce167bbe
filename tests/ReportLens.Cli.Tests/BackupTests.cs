using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

public sealed class BackupTests : IDisposable
{
    private readonly Workspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public async Task BackupThenRestore_Sqlite_BringsBackTheBackedUpReports()
    {
        await workspace.CreateDatabaseAsync();
        await workspace.RunAsync("import", workspace.Write("a.jsonl", TestData.Jsonl(("B1", TestData.ChestCt), ("B2", TestData.HeadMri))));

        var backup = await workspace.RunAsync("db", "backup", "--output", workspace.Path("backup.db"));
        Assert.True(backup.ExitCode == 0, backup.ToString());
        await workspace.RunAsync("import", workspace.Write("b.jsonl", TestData.Jsonl(("B3", TestData.EnglishXray))));
        Assert.Equal(3, await workspace.CountReportsAsync());

        var restore = await workspace.RunAsync("db", "restore", "--input", workspace.Path("backup.db"));

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(2, await workspace.CountReportsAsync());
    }

    [Fact]
    public async Task Restore_MissingFile_ExitsOneWithOneLine()
    {
        await workspace.CreateDatabaseAsync();

        var result = await workspace.RunAsync("db", "restore", workspace.Path("nope.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
