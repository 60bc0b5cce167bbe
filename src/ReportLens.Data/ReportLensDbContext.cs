using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReportLens.Core.Annotations;
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
    public DbSet<CriticalCase> CriticalCases => Set<CriticalCase>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReceivedHl7Message> ReceivedHl7Messages => Set<ReceivedHl7Message>();
    public DbSet<PromptExample> PromptExamples => Set<PromptExample>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<GoldSet> GoldSets => Set<GoldSet>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<EvaluationOutput> EvaluationOutputs => Set<EvaluationOutput>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = DetectChangesOnce();
        try
        {
            RejectAuditChanges();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = DetectChangesOnce();
        try
        {
            RejectAuditChanges();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Detects changes once for the audit check and the save, which would each scan every tracked entity again
    /// (twice per recorded analysis). Returns whether automatic detection was on, to be restored after the save.
    /// EF Core raises SavingChanges and calls save interceptors after this: none is registered, and one that edits
    /// tracked entities must call DetectChanges itself.
    /// </summary>
    private bool DetectChangesOnce()
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        if (detecting)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return detecting;
    }

    /// <summary>The audit trail is append-only from the application: records are added, never changed or removed.</summary>
    private void RejectAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("audit records are append-only");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportLensDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AnnotationType>().HaveConversion<WireNameConverter<AnnotationType>>();
        configurationBuilder.Properties<EngineKind>().HaveConversion<WireNameConverter<EngineKind>>();
        configurationBuilder.Properties<AnnotationStatus>().HaveConversion<WireNameConverter<AnnotationStatus>>();
        configurationBuilder.Properties<ReviewStatus>().HaveConversion<WireNameConverter<ReviewStatus>>();
        configurationBuilder.Properties<JobStatus>().HaveConversion<WireNameConverter<JobStatus>>();
        configurationBuilder.Properties<JobItemState>().HaveConversion<WireNameConverter<JobItemState>>();

        // SQLite has no date type: stored as UTC ticks, timestamps still sort and compare in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
