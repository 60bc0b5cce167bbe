using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReportLens.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "ReportLens.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "ReportLens.Data.Postgres";

    /// <summary>Registers <see cref="ReportLensDbContext"/> (pooled factory and scoped context) on the chosen provider.</summary>
    public static IServiceCollection AddReportLensData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddPooledDbContextFactory<ReportLensDbContext>(options => Configure(options, settings));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ReportLensDbContext>>().CreateDbContext());
        return services;
    }

    // Every executed SQL command is logged at Information by default: at the default level that was most of the log.
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings) =>
        (settings.Provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqliteConnectionSetup()),
        }).ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Debug)));

    public static ReportLensDbContext CreateContext(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<ReportLensDbContext>();
        Configure(builder, settings);
        return new ReportLensDbContext(builder.Options);
    }
}
