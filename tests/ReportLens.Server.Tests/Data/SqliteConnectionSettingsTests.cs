using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Data;

/// <summary>
/// synchronous=NORMAL and the busy timeout are set once per native SQLite connection, not on every open: every
/// context the pool hands out must still carry them, on a reused connection and on a new one.
/// </summary>
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task EveryOpenedConnection_HasSynchronousNormalAndTheBusyTimeout_ReusedOrNew()
    {
        await using var database = TestDatabase.CreateSqlite();
        var factory = await database.MigratedFactoryAsync();
        for (var round = 0; round < 3; round++)
        {
            for (var open = 0; open < 3; open++)
            {
                await using var db = await factory.CreateDbContextAsync();
                Assert.Equal(1L, await PragmaAsync(db, "synchronous"));
                Assert.Equal(30000L, await PragmaAsync(db, "busy_timeout"));
            }

            // The next round's connections are new native connections.
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<long> PragmaAsync(ReportLensDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
