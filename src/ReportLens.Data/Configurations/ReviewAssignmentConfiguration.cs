using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("review_assignments");
        builder.HasIndex(a => new { a.AnnotationId, a.ReviewerId }).IsUnique();
        builder.HasIndex(a => a.ReviewerId);
        builder.Property(a => a.ReviewerName).HasMaxLength(100);
        builder.HasOne<Annotation>().WithMany().HasForeignKey(a => a.AnnotationId).OnDelete(DeleteBehavior.Cascade);
    }
}
