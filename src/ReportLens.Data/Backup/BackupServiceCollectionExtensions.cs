using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReportLens.Data.Backup;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Registers <see cref="DatabaseBackup"/>; needs the <see cref="DatabaseSettings"/> that AddReportLensData registers.</summary>
    public static IServiceCollection AddReportLensBackup(this IServiceCollection services, string? pgBinDirectory = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new BackupToolOptions(pgBinDirectory));
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}
