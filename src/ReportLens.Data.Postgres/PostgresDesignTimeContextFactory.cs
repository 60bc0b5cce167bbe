using Microsoft.EntityFrameworkCore.Design;

namespace ReportLens.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider; never used at run time.</summary>
public sealed class PostgresDesignTimeContextFactory : IDesignTimeDbContextFactory<ReportLensDbContext>
{
    public ReportLensDbContext CreateDbContext(string[] args) =>
        DataServiceCollectionExtensions.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=reportlens_design"));
}
