using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class ReceivedHl7MessageConfiguration : IEntityTypeConfiguration<ReceivedHl7Message>
{
    public void Configure(EntityTypeBuilder<ReceivedHl7Message> builder)
    {
        builder.ToTable("hl7_messages");
        builder.HasIndex(m => new { m.ControlId, m.AccessionNumber }).IsUnique();
        builder.HasOne<Report>().WithMany().HasForeignKey(m => m.ReportId);
        builder.Property(m => m.ControlId).HasMaxLength(199);
        builder.Property(m => m.AccessionNumber).HasMaxLength(64);
        builder.Property(m => m.SendingApplication).HasMaxLength(256);
    }
}
