using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class GoldSetConfiguration : IEntityTypeConfiguration<GoldSet>
{
    public void Configure(EntityTypeBuilder<GoldSet> builder)
    {
        builder.ToTable("gold_sets");
        builder.Property(g => g.Name).HasMaxLength(200);
    }
}
