using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReportLens.Data.Entities;

namespace ReportLens.Data;

public sealed class ReportLensDbContext(DbContextOptions<ReportLensDbContext> options) : DbContext(options)
{
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CacheEntry> CacheEntries => Set<CacheEntry>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobItem> JobItems => Set<JobItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportLensDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: stored as UTC ticks, timestamps still sort and compare in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
