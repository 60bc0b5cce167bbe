using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.ToTable("report_versions");
        builder.HasIndex(v => new { v.ReportId, v.Version }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(v => v.ReportId);
        builder.Property(v => v.Modality).HasMaxLength(32);
        builder.Property(v => v.BodyPart).HasMaxLength(32);
        builder.Property(v => v.Language).HasMaxLength(8);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.SupersededBy).HasMaxLength(256);
    }
}
