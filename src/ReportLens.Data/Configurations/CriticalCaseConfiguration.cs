using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class CriticalCaseConfiguration : IEntityTypeConfiguration<CriticalCase>
{
    public void Configure(EntityTypeBuilder<CriticalCase> builder)
    {
        builder.ToTable("critical_cases");
        // Re-analysing a report finds the same finding again: the database keeps one case per report and term.
        builder.HasIndex(c => new { c.ReportId, c.Term }).IsUnique();
        builder.HasIndex(c => new { c.State, c.OpenedAt });
        builder.Property(c => c.Term).HasMaxLength(100);
        builder.Property(c => c.Category).HasMaxLength(40);
        builder.Property(c => c.State).HasMaxLength(12);
        builder.Property(c => c.ClosedByName).HasMaxLength(100);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.HasOne<Report>().WithMany().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
