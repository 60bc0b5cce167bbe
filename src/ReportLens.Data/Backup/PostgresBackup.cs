using Npgsql;

namespace ReportLens.Data.Backup;

/// <summary>pg_dump / pg_restore with the connection passed through PG* environment variables, never argv.</summary>
internal sealed class PostgresBackup(string connectionString, string? binDirectory)
{
    private readonly NpgsqlConnectionStringBuilder _connection = new(connectionString);

    public Task DumpAsync(string targetPath, CancellationToken cancellationToken) =>
        RunAsync("pg_dump", ["--format=custom", "--no-password", "--file=" + targetPath], cancellationToken);

    /// <summary>pg_restore --list reads the archive's table of contents: a truncated or foreign file fails here.</summary>
    public Task VerifyArchiveAsync(string archivePath, CancellationToken cancellationToken) =>
        RunAsync("pg_restore", ["--list", archivePath], cancellationToken);

    public Task RestoreAsync(string archivePath, CancellationToken cancellationToken) =>
        RunAsync("pg_restore",
        [
            "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
            "--no-password", "--dbname=" + Database, archivePath,
        ], cancellationToken);

    private string Database => _connection.Database
        ?? throw new DatabaseBackupException("The PostgreSQL connection string names no database");

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = _connection.Host,
            ["PGPORT"] = _connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGDATABASE"] = Database,
            ["PGUSER"] = _connection.Username,
            ["PGPASSWORD"] = _connection.Password,
            ["PGPASSFILE"] = _connection.Passfile,
            ["PGSSLMODE"] = LibpqSslMode.ToLibpq(_connection.SslMode),
            ["PGCONNECT_TIMEOUT"] = _connection.Timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGAPPNAME"] = "reportlens-backup",
        };
        var result = await ToolProcess.RunAsync(ToolPath(tool), arguments, environment, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new DatabaseBackupException($"{tool} failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
        }
    }

    private string ToolPath(string tool) => string.IsNullOrWhiteSpace(binDirectory) ? tool : Path.Combine(binDirectory, tool);
}
