using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Application.Analysis;
using ReportLens.Application.Caching;
using ReportLens.Llm;
using ReportLens.Server.Observability;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Errors;

namespace ReportLens.Server.Analysis;

/// <summary>Feeds analysis outcomes and the backend pool's state into the Prometheus metrics.</summary>
public sealed class AnalysisMetrics(ReportLensMetrics metrics, ModelLabels models) : IAnalysisObserver
{
    public void Completed(AnalysisRequest request, AnalysisOutcome outcome)
    {
        var engine = outcome.Engine.WireName();
        var type = request.Type.ToWire();
        metrics.RecordCache(outcome.Cached);
        metrics.RecordAnalysis(engine, type, outcome.Cached ? LlmOutcomes.Cached : LlmOutcomes.Success);
        if (outcome.Cached)
        {
            return;
        }

        metrics.RecordGroundedFraction(engine, outcome.GroundedFraction);
        if (outcome.Llm is { } llm)
        {
            metrics.RecordLlmCall(new LlmCallObservation(llm.Backend, models.For(llm.Model), type, LlmOutcomes.Success,
                TimeSpan.FromSeconds(outcome.DurationSeconds), llm.PromptTokens, llm.OutputTokens,
                llm.EvalDurationNs is { } ns ? TimeSpan.FromTicks(ns / 100) : null, llm.ThinkingTokens));
            if (llm.SchemaRepairs > 0)
            {
                metrics.RecordSchemaRepair(models.For(llm.Model));
            }
        }
    }

    public void Failed(AnalysisRequest request, EngineKind engine, Exception error, TimeSpan elapsed)
    {
        var type = request.Type.ToWire();
        var outcome = error switch
        {
            LlmTimeoutException => LlmOutcomes.Timeout,
            LlmUnavailableException or LlmBusyException => LlmOutcomes.Unavailable,
            LlmModelNotFoundException => LlmOutcomes.ModelMissing,
            LlmSchemaException => LlmOutcomes.SchemaFailure,
            _ => LlmOutcomes.Error,
        };
        metrics.RecordAnalysis(engine.WireName(), type, outcome);
        if (error is LlmException llm)
        {
            var model = models.For(error is LlmSchemaException schema ? schema.Model : request.Model);
            metrics.RecordLlmCall(new LlmCallObservation(llm.Backend ?? "none", model, type, outcome, elapsed));
            if (error is LlmSchemaException)
            {
                metrics.RecordSchemaFailure(model);
            }
        }
    }

    /// <summary>Before each scrape: every backend's state, slots and queue from the pool.</summary>
    public static void WatchBackends(WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<ReportLensMetrics>();
        var pool = app.Services.GetRequiredService<LlmBackendPool>();
        metrics.AddCollectCallback(_ =>
        {
            foreach (var backend in pool.GetBackendsSnapshot())
            {
                metrics.RecordBackendState(backend.Name, backend.State != LlmBackendState.Open, backend.Slots, backend.InUse, backend.Queued);
            }

            return Task.CompletedTask;
        });
    }
}
