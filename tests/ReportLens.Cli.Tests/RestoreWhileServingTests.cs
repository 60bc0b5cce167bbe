using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Tests.Infrastructure;
using ReportLens.Data;

namespace ReportLens.Cli.Tests;

/// <summary>Issue 12 item 14: `db restore` refuses while a server runs on the database, so no acknowledged write is lost.</summary>
public sealed class RestoreWhileServingTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Restore_Sqlite_WhileAServerRuns_RefusesAndKeepsAcknowledgedWrites()
    {
        await _workspace.CreateDatabaseAsync();
        await RefusesWhileServingAsync(_workspace.DatabaseUrl, _workspace.RunAsync, async () =>
        {
            await using var db = _workspace.Open();
            return await db.Reports.CountAsync();
        });
    }

    [Fact]
    public async Task Restore_Postgres_WhileAServerRuns_RefusesAndKeepsAcknowledgedWrites()
    {
        TestDatabase.SkipUnlessPostgres();
        await using var postgres = await TestDatabase.CreatePostgresAsync();
        Task<CliResult> Run(params string[] args) =>
            CliProcess.RunAsync(_workspace.Folder, [.. args, "--database", postgres.Url], null, null, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Run("db", "migrate")).ExitCode);
        await RefusesWhileServingAsync(postgres.Url, Run, async () =>
        {
            await using var db = DataServiceCollectionExtensions.CreateContext(postgres.Settings);
            return await db.Reports.CountAsync();
        });
    }

    private async Task RefusesWhileServingAsync(string databaseUrl, Func<string[], Task<CliResult>> run, Func<Task<int>> countReports)
    {
        Assert.Equal(0, (await run(["import", _workspace.Write("a.jsonl", TestData.Jsonl(("R1", TestData.ChestCt), ("R2", TestData.HeadMri)))])).ExitCode);
        var backup = await run(["db", "backup", "--output", _workspace.Path("backup.bin")]);
        Assert.True(backup.ExitCode == 0, backup.ToString());

        await using (var server = await DatabaseServer.StartAsync(databaseUrl, _workspace.Folder))
        {
            await server.CreateReportAsync("Findings: written while the restore was attempted.");

            var refused = await run(["db", "restore", "--input", _workspace.Path("backup.bin")]);

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("server is running", refused.Stderr);
            Assert.Equal(3, await countReports());

            // A crashed server leaves nothing behind that blocks the restore.
            await server.KillAsync();
        }

        var restored = await run(["db", "restore", "--input", _workspace.Path("backup.bin")]);
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Equal(2, await countReports());
    }
}
