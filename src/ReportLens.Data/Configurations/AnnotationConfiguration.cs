using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.ToTable("ai_annotations");
        builder.HasIndex(a => new { a.ReportId, a.CreatedAt });
        builder.HasIndex(a => a.JobId);
        // Usage over a period (GET /api/v1/usage) reads annotations by creation time.
        builder.HasIndex(a => a.CreatedAt);
        // A job item yields at most one annotation: the database, not the worker, enforces exactly-once.
        builder.HasIndex(a => a.JobItemId).IsUnique();
        builder.Property(a => a.AnnotationType).HasMaxLength(20);
        builder.Property(a => a.Engine).HasMaxLength(10);
        builder.Property(a => a.Status).HasMaxLength(10);
        builder.Property(a => a.ModelName).HasMaxLength(100);
        builder.Property(a => a.PromptVersion).HasMaxLength(40);
        builder.Property(a => a.ReviewStatus).HasMaxLength(10);
    }
}
