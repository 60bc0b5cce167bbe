using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class PromptExampleConfiguration : IEntityTypeConfiguration<PromptExample>
{
    public void Configure(EntityTypeBuilder<PromptExample> builder)
    {
        builder.ToTable("prompt_examples");
        builder.HasIndex(e => new { e.AnnotationType, e.Language, e.Position }).IsUnique();
        builder.Property(e => e.AnnotationType).HasMaxLength(20);
        builder.Property(e => e.Language).HasMaxLength(5);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.PromptVersion).HasMaxLength(40);
    }
}
