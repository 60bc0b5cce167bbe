using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Data.Entities;
using ReportLens.Jobs.Control;
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
        var request = AnalysisRequest.ForStoredReport(settings.Type, settings.Prompt, settings.Engine, settings.Model, settings.Temperature,
            bypassCache: false, interactive: false);
        var stored = await host.Analyses.RunAsync(reportId, request, Actor.CommandLine(), step: null, cancellationToken);
        return stored switch
        {
            null => throw new CliException($"no report with id {reportId}"),
            { Status: AnnotationStatus.Failed } => throw new CliException($"analysis of report {reportId} failed: {stored.ErrorReason}"),
            _ => ToOutput(stored),
        };
    }

    /// <summary>
    /// Every report without a succeeded annotation of this type (and engine, when one is chosen), as a durable job
    /// run by this process's worker (the server's queue, leases and retries); Ctrl-C cancels the job's pending items.
    /// </summary>
    public async Task<(int Succeeded, int Failed)> AnalyzeAllAsync(CancellationToken cancellationToken)
    {
        await EnsureLlmReachableAsync(cancellationToken);
        List<int> ids;
        await using (var db = await host.Databases.CreateDbContextAsync(cancellationToken))
        {
            var type = settings.Type;
            var engine = settings.Engine;
            ids = await db.Reports.Where(r => !r.IsDeleted && !r.Annotations.Any(a =>
                    a.Status == AnnotationStatus.Succeeded && a.AnnotationType == type && (engine == null || a.Engine == engine)))
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var spec = new JobSpec(settings.Type, settings.Prompt, settings.Engine, settings.Model, settings.Temperature);
        var job = await host.Jobs.CreateAsync(spec, ids, filter: null, userId: null, cancellationToken);
        await context.Error.WriteLineAsync($"job {job.Id}: {ids.Count} stored report(s)");
        var worker = host.Worker;
        await worker.StartAsync(cancellationToken);
        JobProgress? last = null;
        try
        {
            await context.Status.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var bar = progress.AddTask($"analysing {ids.Count} stored report(s)", maxValue: Math.Max(1, ids.Count));
                await foreach (var current in host.JobReader.WatchAsync(job.Id, ProgressInterval, cancellationToken))
                {
                    last = current;
                    bar.Value = current.Succeeded + current.Failed;
                }
            });
        }
        catch (OperationCanceledException)
        {
            await host.Jobs.CancelAsync(job.Id, CancellationToken.None);
            throw;
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        foreach (var item in await host.JobReader.ItemsAsync(job.Id, JobItemState.Failed, 0, int.MaxValue, cancellationToken) ?? [])
        {
            await context.Error.WriteLineAsync($"report {item.ReportId}: {item.LastError}");
        }

        return (last?.Succeeded ?? 0, last?.Failed ?? 0);
    }

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A job's items wait while no LLM endpoint answers (the server's worker resumes them later); a command-line
    /// run has nobody to wait for, so an engine that needs the LLM must find it reachable first.
    /// </summary>
    private async Task EnsureLlmReachableAsync(CancellationToken cancellationToken)
    {
        if (settings.Engine is EngineKind.Llm or EngineKind.Hybrid
            && await host.LlmStatus.GetLatestStatusAsync(cancellationToken) is { Reachable: false } status)
        {
            throw new CliException($"no LLM endpoint reachable for --engine {settings.EngineWire} ({status.Problem}); start Ollama or use --engine rules");
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
