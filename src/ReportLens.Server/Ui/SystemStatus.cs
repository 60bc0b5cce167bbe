using ReportLens.Core.Annotations;
using ReportLens.Llm.Analysis;

namespace ReportLens.Server.Ui;

/// <summary>What the UI says about the engines, from the same sources as GET /api/v1/health.</summary>
public sealed class SystemStatus(ILlmStatusProvider llm, IReportAnalyzer analyzer)
{
    public async Task<EngineLabel> EngineAsync(CancellationToken ct)
    {
        var engine = await analyzer.DefaultEngineAsync(ct);
        var status = await llm.GetStatusAsync(ct);
        return new EngineLabel(engine == EngineKind.Rules ? "rules" : "hybrid", status.Model, status.Reachable, status.ModelPresent, status.Models);
    }
}
