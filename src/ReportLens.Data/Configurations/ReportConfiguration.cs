using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("reports");
        builder.HasIndex(r => r.AccessionNumber).IsUnique();
        builder.HasIndex(r => new { r.IsDeleted, r.Modality, r.BodyPart, r.ExamDate });
        builder.Property(r => r.AccessionNumber).HasMaxLength(64);
        builder.Property(r => r.Modality).HasMaxLength(32);
        builder.Property(r => r.BodyPart).HasMaxLength(32);
        builder.Property(r => r.Language).HasMaxLength(8);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasMany(r => r.Annotations).WithOne(a => a.Report).HasForeignKey(a => a.ReportId);
    }
}
