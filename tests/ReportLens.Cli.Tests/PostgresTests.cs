using ReportLens.Cli.Tests.Infrastructure;

namespace ReportLens.Cli.Tests;

/// <summary>The database commands on PostgreSQL (skipped when REPORTLENS_TEST_POSTGRES is not set; .ci/run sets it).</summary>
public sealed class PostgresTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task MigrateImportAnalyzeExport_OnPostgres_RoundTripsIntoSqlite()
    {
        TestDatabase.SkipUnlessPostgres();
        await using var postgres = await TestDatabase.CreatePostgresAsync();
        Task<CliResult> Run(params string[] args) =>
            CliProcess.RunAsync(_workspace.Folder, [.. args, "--database", postgres.Url], null, null, TestContext.Current.CancellationToken);

        var migrate = await Run("db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());
        var source = _workspace.Write("r.jsonl", TestData.Jsonl(("P1", TestData.ChestCt), ("P2", TestData.HeadMri)));
        Assert.Equal(0, (await Run("import", source)).ExitCode);
        var again = await Run("import", source);
        Assert.Contains("0 created, 0 updated, 2 unchanged", again.Stderr);
        var analyzed = await Run("analyze", "--all", "--type", "extraction", "--engine", "rules");
        Assert.True(analyzed.ExitCode == 0, analyzed.ToString());
        Assert.Equal(0, (await Run("users", "add", "pg-user", "--role", "viewer", "--password", "long-enough")).ExitCode);
        var exported = await Run("export", "--format", "fhir", "--output", _workspace.Path("pg.json"));
        Assert.True(exported.ExitCode == 0, exported.ToString());

        await _workspace.CreateDatabaseAsync();
        var imported = await _workspace.RunAsync("import", _workspace.Path("pg.json"));

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("2 created", imported.Stderr);
        Assert.Contains("2 annotation(s) added", imported.Stderr);
    }
}
