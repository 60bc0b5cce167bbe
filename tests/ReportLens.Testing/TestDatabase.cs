using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using ReportLens.Data;

namespace ReportLens.Testing;

/// <summary>
/// A throwaway database: a SQLite file in a temp folder, or a fresh PostgreSQL database on the server named by
/// REPORTLENS_TEST_POSTGRES (an Npgsql connection string; .ci/run always sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "REPORTLENS_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _databaseName;
    private readonly string? _folder;

    private TestDatabase(string provider, string url, string? postgresAdmin, string? databaseName, string? folder)
    {
        Provider = provider;
        Url = url;
        _postgresAdmin = postgresAdmin;
        _databaseName = databaseName;
        _folder = folder;
    }

    public string Provider { get; }

    /// <summary>What DATABASE_URL would hold.</summary>
    public string Url { get; }

    public DatabaseSettings Settings => DatabaseSettings.Parse(Url);

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>Skips the running test when PostgreSQL is not configured.</summary>
    public static void SkipUnlessPostgres() =>
        Assert.SkipWhen(PostgresServer is null, $"PostgreSQL not configured ({PostgresVariable} is not set)");

    /// <summary>"sqlite", or "postgres" (skips the test when PostgreSQL is not configured).</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "postgres")
        {
            SkipUnlessPostgres();
            return await CreatePostgresAsync();
        }

        return CreateSqlite();
    }

    /// <summary>A pooled context factory on this database, migrated to the current model.</summary>
    public async Task<IDbContextFactory<ReportLensDbContext>> MigratedFactoryAsync()
    {
        var options = new DbContextOptionsBuilder<ReportLensDbContext>();
        DataServiceCollectionExtensions.Configure(options, DatabaseSettings.Parse(Url));
        var factory = new PooledDbContextFactory<ReportLensDbContext>(options.Options);
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return factory;
    }

    public static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reportlens-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase("sqlite", $"Data Source={Path.Combine(folder, "test.db")}", null, null, folder);
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = "rl_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var url = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        return new TestDatabase("postgres", url, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A process may still hold the file a moment longer; the temp folder is cleaned by the OS.
            }
        }
    }
}
