using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews;

/// <summary>
/// How the critical-finding cases an engine's analyses opened were closed, per model, prompt version and engine: a
/// dismissed case is a false alarm a radiologist caught, an acknowledged one a true alarm.
/// </summary>
public static class CriticalVerdicts
{
    public sealed record Counts(int Acknowledged, int Dismissed);

    public static async Task<Dictionary<(string Model, string Prompt, EngineKind Engine), Counts>> ByGroupAsync(
        ReportLensDbContext db, AnnotationType? annotationType, CancellationToken ct)
    {
        var rows = await (from c in db.CriticalCases.AsNoTracking()
                          join a in db.Annotations on c.AnnotationId equals a.Id
                          where (c.State == CriticalCaseState.Acknowledged || c.State == CriticalCaseState.Dismissed)
                                && (annotationType == null || a.AnnotationType == annotationType)
                          select new { a.ModelName, a.PromptVersion, a.Engine, c.State }).ToListAsync(ct);
        return rows.GroupBy(r => (r.ModelName, r.PromptVersion, r.Engine)).ToDictionary(
            g => g.Key,
            g => new Counts(g.Count(r => r.State == CriticalCaseState.Acknowledged), g.Count(r => r.State == CriticalCaseState.Dismissed)));
    }
}
