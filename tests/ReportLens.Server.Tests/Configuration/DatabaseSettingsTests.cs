using Npgsql;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Configuration;

public sealed class DatabaseSettingsTests
{
    [Theory]
    [InlineData("postgresql://user:p%40ss@db.local:5433/imagedb?sslmode=require", "p@ss", SslMode.Require)]
    [InlineData("postgresql://user:a%3Bb%3Dc@db.local:5433/imagedb?sslmode=verify-full", "a;b=c", SslMode.VerifyFull)]
    [InlineData("postgres://user:plain@db.local:5433/imagedb?sslmode=verify-ca", "plain", SslMode.VerifyCA)]
    public void Parse_PostgresUrl_GivesTheNpgsqlConnectionStringItMeans(string url, string password, SslMode sslMode)
    {
        var settings = DatabaseSettings.Parse(url);

        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        var parsed = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(("db.local", 5433, "imagedb", "user", password, sslMode),
            (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password, parsed.SslMode));
    }

    [Fact]
    public void Parse_NpgsqlConnectionString_IsKept()
    {
        var settings = DatabaseSettings.Parse("Host=localhost;Database=reportlens;Username=rl");
        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=localhost;Database=reportlens;Username=rl", settings.ConnectionString);
    }

    [Theory]
    [InlineData(null, "Data Source=reportlens.db")]
    [InlineData("sqlite:///data/rl.db", "Data Source=data/rl.db")]
    [InlineData("sqlite:////var/lib/rl.db", "Data Source=/var/lib/rl.db")]
    [InlineData("Data Source=x.db", "Data Source=x.db")]
    public void Parse_SqliteForms_GiveSqlite(string? url, string expected)
    {
        var settings = DatabaseSettings.Parse(url);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal(expected, settings.ConnectionString);
    }

    [Theory]
    [InlineData("mysql://x")]
    [InlineData("postgresql://")]
    [InlineData("postgresql://host:5432/")]
    [InlineData("postgresql://u:p@host:5432/db?sslmode=sometimes")]
    public void Parse_Malformed_ThrowsNamingTheSetting(string url)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseSettings.Parse(url));
        Assert.StartsWith("DATABASE_URL", error.Message);
    }
}
