using Microsoft.EntityFrameworkCore;
using ReportLens.Data;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>A temp folder with its own SQLite database, and the CLI run inside it.</summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Folder = Directory.CreateTempSubdirectory("reportlens-cli-").FullName;
        DatabasePath = System.IO.Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public string DatabaseUrl => $"Data Source={DatabasePath}";

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Creates the schema the way an operator does: `reportlens db migrate`.</summary>
    public async Task CreateDatabaseAsync()
    {
        await using var db = Open();
        if (!db.Database.GetMigrations().Any())
        {
            // No migrations in this build yet: build the schema from the model instead.
            await db.Database.EnsureCreatedAsync();
            return;
        }

        var result = await RunAsync("db", "migrate");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public ReportLensDbContext Open() =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseUrl + ";Pooling=False"));

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public Task<CliResult> RunWithInputAsync(string? stdin, params string[] args) =>
        CliProcess.RunAsync(Folder, [.. args, "--database", DatabaseUrl], stdin, null, TestContext.Current.CancellationToken);

    public Task<CliResult> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        CliProcess.RunAsync(Folder, [.. args, "--database", DatabaseUrl], null, environment, TestContext.Current.CancellationToken);

    public async Task<int> CountReportsAsync()
    {
        await using var db = Open();
        return await db.Reports.CountAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing process is left to the OS temp cleaner.
        }
    }
}
