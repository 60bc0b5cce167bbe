using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasIndex(j => new { j.Status, j.Id });
        builder.Property(j => j.AnnotationType).HasMaxLength(20);
        builder.Property(j => j.Engine).HasMaxLength(10);
        builder.Property(j => j.Model).HasMaxLength(100);
        builder.Property(j => j.Status).HasMaxLength(24);
    }
}
