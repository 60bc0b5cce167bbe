using Microsoft.Data.Sqlite;
using ReportLens.Data;

namespace ReportLens.Cli.Infrastructure;

/// <summary>Opens the database a command works on, refusing to create an empty SQLite file by accident.</summary>
public static class Databases
{
    public static ReportLensDbContext Open(CliContext context, bool mayCreate = false)
    {
        if (!mayCreate)
        {
            EnsureExists(context);
        }

        return DataServiceCollectionExtensions.CreateContext(context.Database);
    }

    /// <summary>A missing SQLite file is a mistake in the path, not a wish for an empty database.</summary>
    public static void EnsureExists(CliContext context)
    {
        var settings = context.Database;
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (file != ":memory:" && !File.Exists(file))
            {
                throw new CliException($"database file not found: {file} (create it with `reportlens db migrate`)");
            }
        }
    }
}
