using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> builder)
    {
        builder.ToTable("evaluation_runs");
        builder.HasIndex(r => r.JobId).IsUnique();
        builder.HasOne<GoldSet>().WithMany().HasForeignKey(r => r.GoldSetId).OnDelete(DeleteBehavior.Restrict);
    }
}
