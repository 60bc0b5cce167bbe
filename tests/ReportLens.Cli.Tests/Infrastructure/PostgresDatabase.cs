using Npgsql;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database on the server named by REPORTLENS_TEST_POSTGRES (.ci/run sets it), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "REPORTLENS_TEST_POSTGRES";

    private readonly string admin;
    private readonly string name;

    private PostgresDatabase(string admin, string name, string connectionString)
    {
        this.admin = admin;
        this.name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Server ?? throw new InvalidOperationException($"{Variable} is not set");
        var name = "rl_cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new PostgresDatabase(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
