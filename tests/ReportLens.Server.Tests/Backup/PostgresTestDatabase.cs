using Npgsql;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Backup;

/// <summary>A throwaway database on the server named by REPORTLENS_TEST_POSTGRES, dropped on dispose.</summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "REPORTLENS_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgresTestDatabase(string adminConnectionString, string name, DatabaseSettings settings)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        Settings = settings;
    }

    public DatabaseSettings Settings { get; }

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static async Task<PostgresTestDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(Variable + " is not set");
        var name = "rl_backup_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new PostgresTestDatabase(admin, name, new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(Settings.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
