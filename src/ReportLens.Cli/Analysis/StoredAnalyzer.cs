using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Data.Entities;
using Spectre.Console;

namespace ReportLens.Cli.Analysis;

/// <summary>
/// The CLI's door to "analyse and record" (<see cref="AnalyseAndRecord"/>, as the server's API, UI and job worker):
/// stored reports are analysed and their annotations saved; a failed LLM reply is kept as a failed annotation.
/// </summary>
public sealed class StoredAnalyzer(AnalysisHost host, AnalysisSettings settings, CliContext context)
{
    public async Task<AnalysisOutput> AnalyzeOneAsync(int reportId, CancellationToken cancellationToken)
    {
        var command = new AnalyseReportCommand(reportId, settings.Type, settings.Prompt, settings.Engine, settings.Model,
            settings.Temperature, BypassCache: false, Interactive: false);
        var recorded = await host.Analyses.RunAsync(command, Actor.CommandLine(), step: null, cancellationToken);
        return recorded.Outcome switch
        {
            RecordOutcome.ReportNotFound => throw new CliException($"no report with id {reportId}"),
            RecordOutcome.SchemaFailed => throw new CliException($"analysis of report {reportId} failed: {recorded.Stored.ErrorReason}"),
            _ => ToOutput(recorded.Stored),
        };
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
