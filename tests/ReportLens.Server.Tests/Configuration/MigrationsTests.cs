using Microsoft.EntityFrameworkCore;
using ReportLens.Data;

namespace ReportLens.Server.Tests.Configuration;

/// <summary>Both providers' migrations describe the current model: a model change without migrations fails here.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Host=127.0.0.1;Database=never_opened")]
    public void Migrations_ForEachProvider_MatchTheModel(string connectionString)
    {
        using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(connectionString));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"run `dotnet ef migrations add` for {db.Database.ProviderName}");
    }
}
