using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ReportId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Username).HasMaxLength(100);
        builder.Property(a => a.Role).HasMaxLength(20);
        builder.Property(a => a.ClientAddress).HasMaxLength(64);
    }
}
