using Microsoft.EntityFrameworkCore.Design;

namespace ReportLens.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider; never used at run time.</summary>
public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<ReportLensDbContext>
{
    public ReportLensDbContext CreateDbContext(string[] args) =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db"));
}
