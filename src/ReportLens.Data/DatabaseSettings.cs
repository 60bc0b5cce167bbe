using Npgsql;

namespace ReportLens.Data;

/// <summary>The provider and the ADO.NET connection string it takes, resolved from DATABASE_URL or configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "reportlens.db";

    /// <summary>
    /// Accepts a URL (postgresql://user:pass@host:5432/db, postgres://…, postgresql+asyncpg://…), an Npgsql connection
    /// string (Host=…;Database=…), sqlite:///path or "Data Source=file.db", or nothing (SQLite in the working folder).
    /// </summary>
    public static DatabaseSettings Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(DatabaseProvider.Sqlite, $"Data Source={DefaultSqliteFile}");
        }

        var text = value.Trim();
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql+asyncpg://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, PostgresUrlToConnectionString(text));
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..].TrimStart('/');
            if (text.StartsWith("sqlite:////", StringComparison.Ordinal))
            {
                path = "/" + path;
            }

            if (path.Length == 0)
            {
                throw new FormatException("DATABASE_URL: sqlite URL has no file path (use sqlite:///reportlens.db)");
            }

            return new(DatabaseProvider.Sqlite, $"Data Source={path}");
        }

        if (text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("DataSource=", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Sqlite, text);
        }

        if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, text);
        }

        throw new FormatException(
            "DATABASE_URL: not a postgresql:// URL, an Npgsql connection string (Host=…) or a SQLite one (Data Source=…)");
    }

    private static string PostgresUrlToConnectionString(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (!Uri.TryCreate("postgresql" + url[schemeEnd..], UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("DATABASE_URL: malformed postgresql:// URL (expected postgresql://user:pass@host:5432/db)");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new FormatException("DATABASE_URL: the postgresql:// URL names no database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432, Database = database };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2 && kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = LibpqSslMode.Parse(Uri.UnescapeDataString(kv[1]));
            }
        }

        return builder.ConnectionString;
    }
}
