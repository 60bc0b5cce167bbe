using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReportLens.Data;

/// <summary>
/// Per-connection SQLite settings. With the WAL journal (set once at start-up), synchronous=NORMAL is SQLite's
/// recommended mode: a commit survives an application crash (the exactly-once tests kill the server mid-job),
/// and only the last commits before an OS crash or power loss may roll back — the database is never corrupted.
/// It removes an fsync per commit, which is most of a request's cost on SQLite. PostgreSQL is the production store.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
