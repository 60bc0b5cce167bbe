using ReportLens.Data;

namespace ReportLens.Server.Tests.Configuration;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Parse_SeedPostgresUrl_GivesNpgsqlConnectionString()
    {
        var settings = DatabaseSettings.Parse("postgresql://user:p%40ss@db.local:5433/imagedb?sslmode=require");
        Assert.Equal(DatabaseProvider.Postgres, settings.Provider);
        Assert.Equal("Host=db.local;Port=5433;Database=imagedb;Username=user;Password=p@ss;SSL Mode=require", settings.ConnectionString);
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
    public void Parse_Malformed_ThrowsNamingTheSetting(string url)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseSettings.Parse(url));
        Assert.StartsWith("DATABASE_URL", error.Message);
    }
}
