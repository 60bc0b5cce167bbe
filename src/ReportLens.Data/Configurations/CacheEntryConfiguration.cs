using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class CacheEntryConfiguration : IEntityTypeConfiguration<CacheEntry>
{
    public void Configure(EntityTypeBuilder<CacheEntry> builder)
    {
        builder.ToTable("result_cache");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64);
        builder.Property(c => c.AnnotationType).HasMaxLength(20);
        builder.Property(c => c.ModelName).HasMaxLength(100);
    }
}
