using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class JobItemConfiguration : IEntityTypeConfiguration<JobItem>
{
    public void Configure(EntityTypeBuilder<JobItem> builder)
    {
        builder.ToTable("job_items");
        // The claim query walks items by state in id order; progress counts group by (job, state).
        builder.HasIndex(i => new { i.State, i.JobId, i.Id });
        builder.HasIndex(i => new { i.JobId, i.State });
        // A report appears once per job, so a retried insert batch cannot double an item.
        builder.HasIndex(i => new { i.JobId, i.ReportId }).IsUnique();
        builder.Property(i => i.State).HasMaxLength(10);
        builder.Property(i => i.LeaseOwner).HasMaxLength(100);
        builder.HasOne<Job>().WithMany().HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
