using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReportLens.Data.Backup;

/// <summary>
/// Tells a restore that servers are using the database. Every running server holds the lock shared; a restore
/// takes it exclusively, so it is refused while any server runs, and a server will not start during a restore.
/// PostgreSQL: a session-level advisory lock on a dedicated connection (released by the database when the process
/// dies). SQLite: an OS file lock (flock) on <c>FILE.server-lock</c> next to the database (released by the kernel).
/// </summary>
public sealed class ServerLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "RLSERVER" in ASCII, so it is recognisable in pg_locks.</summary>
    public const long AdvisoryKey = 0x524C_5345_5256_4552;

    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private ServerLock(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    /// <summary>The lock, or null when the other kind is held (servers for an exclusive request, a restore for a shared one).</summary>
    public static async Task<ServerLock?> TryAcquireAsync(DatabaseSettings settings, bool exclusive, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // Pooling off: closing must end the session, or the pool would keep the lock after Dispose.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand(
                    exclusive ? "SELECT pg_try_advisory_lock(@key)" : "SELECT pg_try_advisory_lock_shared(@key)", connection);
                command.Parameters.AddWithValue("key", AdvisoryKey);
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return new ServerLock(connection, null);
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            await connection.DisposeAsync();
            return null;
        }

        if (LockFilePath(settings.ConnectionString) is not { } path)
        {
            return new ServerLock(null, null);
        }

        try
        {
            // On Unix .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) otherwise, without waiting.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, exclusive ? FileShare.None : FileShare.ReadWrite);
            return new ServerLock(null, file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>FILE.server-lock for a SQLite file; null for in-memory databases, which no other process can see.</summary>
    public static string? LockFilePath(string sqliteConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return null;
        }

        return Path.GetFullPath(builder.DataSource) + ".server-lock";
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
