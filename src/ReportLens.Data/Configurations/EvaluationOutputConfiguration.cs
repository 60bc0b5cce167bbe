using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReportLens.Data.Entities;

namespace ReportLens.Data.Configurations;

internal sealed class EvaluationOutputConfiguration : IEntityTypeConfiguration<EvaluationOutput>
{
    public void Configure(EntityTypeBuilder<EvaluationOutput> builder)
    {
        builder.ToTable("evaluation_outputs");
        // One output per gold report and planned run: a re-run item replaces its outputs in its transaction.
        builder.HasIndex(o => new { o.EvaluationRunId, o.GoldIndex, o.PlanIndex }).IsUnique();
        builder.HasOne<EvaluationRun>().WithMany().HasForeignKey(o => o.EvaluationRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
