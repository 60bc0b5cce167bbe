using Microsoft.EntityFrameworkCore;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Analysis;
using ReportLens.Llm;
using Spectre.Console;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// Analyses reports stored in the database and saves each annotation as the server does (AnalysisService: result
/// cache, same annotation row); a failed LLM reply is kept as a failed annotation with its raw reply.
/// </summary>
public sealed class StoredAnalyzer(AnalysisHost host, AnalysisSettings settings, CliContext context)
{
    public async Task<AnalysisOutput> AnalyzeOneAsync(int reportId, CancellationToken cancellationToken)
    {
        await using var db = await host.Databases.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == reportId && !r.IsDeleted, cancellationToken)
            ?? throw new CliException($"no report with id {reportId}");
        var annotation = await RunAsync(db, report, cancellationToken);
        db.Annotations.Add(annotation);
        CliAudit.Stage(db, context.Time, "analyze", [report.Id], $"{annotation.AnnotationType} by {annotation.Engine} (cli)");
        await ResultCache.SaveChangesAsync(db, cancellationToken);
        if (annotation.Status != AnnotationStatus.Succeeded)
        {
            throw new CliException($"analysis of report {reportId} failed: {annotation.ErrorReason}");
        }

        return ToOutput(annotation);
    }

    /// <summary>Every report without a succeeded annotation of this type (and engine, when one is chosen).</summary>
    public async Task<(int Succeeded, int Failed)> AnalyzeAllAsync(int concurrency, CancellationToken cancellationToken)
    {
        List<int> ids;
        await using (var db = await host.Databases.CreateDbContextAsync(cancellationToken))
        {
            var type = settings.Type.ToWire();
            var engine = settings.EngineWire;
            ids = await db.Reports.Where(r => !r.IsDeleted && !r.Annotations.Any(a =>
                    a.Status == AnnotationStatus.Succeeded && a.AnnotationType == type && (engine == null || a.Engine == engine)))
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        int succeeded = 0, failed = 0;
        await context.Status.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var bar = progress.AddTask($"analysing {ids.Count} stored report(s)", maxValue: Math.Max(1, ids.Count));
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (id, ct) =>
                {
                    try
                    {
                        await AnalyzeOneAsync(id, ct);
                        Interlocked.Increment(ref succeeded);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failed);
                        await context.Error.WriteLineAsync($"report {id}: {ErrorText.Of(ex)}");
                    }

                    bar.Increment(1);
                });
        });
        return (succeeded, failed);
    }

    /// <summary>A fresh result's cache entry is staged in <paramref name="db"/>: it commits with the annotation, as on the server.</summary>
    private async Task<Annotation> RunAsync(ReportLensDbContext db, Report report, CancellationToken cancellationToken)
    {
        var language = LanguageDetector.TryParse(report.Language, out var parsed) ? parsed : LanguageDetector.Detect(report.ReportContent);
        var input = new AnalysisInput(report.Id, report.ReportContent, language, settings.Type, settings.Prompt, settings.Engine,
            settings.Model, settings.Temperature, BypassCache: false, Interactive: false);
        try
        {
            var result = await host.Service.RunAsync(input, db, cancellationToken);
            report.LastAnalysedAt = context.Time.GetUtcNow();
            report.Urgency = AnalysisService.UrgencyOf(result) ?? report.Urgency;
            return host.Service.ToAnnotation(input, result, userId: null);
        }
        catch (LlmSchemaException failure)
        {
            return host.Service.ToFailedAnnotation(input, failure, userId: null);
        }
    }

    private static AnalysisOutput ToOutput(Annotation a) => new()
    {
        AnnotationId = a.Id,
        ReportId = a.ReportId,
        AnnotationType = a.AnnotationType,
        Engine = a.Engine,
        ModelName = a.ModelName,
        Confidence = a.Confidence,
        GroundedFraction = a.GroundedFraction,
        DurationSeconds = a.DurationSeconds,
        PromptEvalCount = a.PromptTokens,
        EvalCount = a.OutputTokens,
        SchemaRepairs = a.SchemaRepairs,
        Content = a.ContentJson is null ? null : System.Text.Json.JsonElement.Parse(a.ContentJson),
    };
}
