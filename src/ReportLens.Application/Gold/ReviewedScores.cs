using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Gold;

/// <summary>
/// How each engine agrees with the reviewers: its stored annotations scored by the evaluator <c>reportlens eval</c>
/// uses, against the gold records a gold export would write now (all settled reviews, not de-identified). For each
/// report it annotated, an engine's latest annotation of each type is scored, on the types the record covers; so
/// <c>eval --gold</c> on the exported file gives the same figures for an engine that annotated every type of every
/// exported report and gives the same output when run again (the rules engine).
/// </summary>
public sealed class ReviewedScores(IDbContextFactory<ReportLensDbContext> databases)
{
    public async Task<IReadOnlyList<EngineScore>> ComputeAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var gold = await GoldExport.BuildAsync(db, new GoldExportOptions(), ct);
        var records = gold.ReportIds.Zip(gold.Records).ToDictionary(p => p.First, p => p.Second);
        var ids = records.Keys.ToList();
        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => ids.Contains(a.ReportId) && a.Status == AnnotationStatus.Succeeded && a.ContentJson != null
                && a.AnnotationType != AnnotationType.Scoring)
            .ToListAsync(ct);
        return
        [
            .. annotations.GroupBy(a => (a.Engine, a.ModelName, a.PromptVersion))
                .Select(g => Score(g.Key, g, records))
                .OrderBy(s => s.Engine.WireName(), StringComparer.Ordinal)
                .ThenBy(s => s.ModelName, StringComparer.Ordinal)
                .ThenBy(s => s.PromptVersion, StringComparer.Ordinal),
        ];
    }

    private static EngineScore Score(
        (EngineKind Engine, string Model, string Prompt) key, IEnumerable<Annotation> annotations, Dictionary<int, GoldReport> records)
    {
        var inputs = annotations.GroupBy(a => a.ReportId).OrderBy(g => g.Key).Select(report =>
        {
            var latest = report.GroupBy(a => a.AnnotationType).ToDictionary(
                t => t.Key, t => ReportLensJson.DeserializeContent(t.Key, t.MaxBy(a => (a.CreatedAt, a.Id))!.ContentJson!));
            return new EvaluationInput
            {
                Gold = records[report.Key],
                Highlights = latest.GetValueOrDefault(AnnotationType.Highlight) as HighlightContent,
                Classification = latest.GetValueOrDefault(AnnotationType.Classification) as ClassificationContent,
                Extraction = latest.GetValueOrDefault(AnnotationType.Extraction) as ExtractionContent,
                Attempted = [.. EvaluationInput.AllScoredTypes.Where(latest.ContainsKey)],
            };
        }).ToList();
        return new EngineScore(key.Engine, key.Model, key.Prompt, inputs.Count, Evaluator.Evaluate(inputs));
    }
}
