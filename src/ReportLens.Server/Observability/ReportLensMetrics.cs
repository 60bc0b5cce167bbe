using Prometheus;

namespace ReportLens.Server.Observability;

/// <summary>
/// Every ReportLens-specific Prometheus metric, in one registry owned by the host (no process-wide static
/// registry, so two hosts in one test process do not share counters). Label values are ids, names and closed
/// sets only: never report text, prompts or replies.
/// </summary>
public sealed class ReportLensMetrics
{
    private readonly CollectorRegistry _registry;
    private readonly TimeProvider _time;
    private readonly Counter _llmRequests;
    private readonly Histogram _llmDuration;
    private readonly Counter _tokens;
    private readonly Gauge _tokensPerSecond;
    private readonly Gauge _backendUp;
    private readonly Gauge _backendSlots;
    private readonly Gauge _backendSlotsInUse;
    private readonly Gauge _backendQueue;
    private readonly Gauge _jobItems;
    private readonly Counter _cacheHits;
    private readonly Counter _cacheMisses;
    private readonly Histogram _groundedFraction;
    private readonly Counter _schemaRepairs;
    private readonly Counter _schemaFailures;
    private readonly Counter _analyses;
    private readonly Gauge _lastSuccess;
    private readonly Histogram _criticalTimeToClose;
    private readonly Gauge _criticalCases;
    private readonly Counter _outboxAttempts;
    private readonly Counter _hl7Messages;
    private readonly Counter _hl7ParseFailures;

    public ReportLensMetrics(CollectorRegistry registry, TimeProvider time)
    {
        _registry = registry;
        _time = time;
        var f = Metrics.WithCustomRegistry(registry);
        _llmRequests = f.CreateCounter("reportlens_llm_requests_total", "LLM calls by backend, model, annotation type and outcome.",
            "backend", "model", "annotation_type", "outcome");
        _llmDuration = f.CreateHistogram("reportlens_llm_request_duration_seconds", "Wall time of one LLM call.",
            new HistogramConfiguration
            {
                LabelNames = ["backend", "model", "annotation_type"],
                // Local 7B models answer in ~1-60 s; the tail up to the 300 s proxy timeout matters for alerts.
                Buckets = [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120, 300],
            });
        _tokens = f.CreateCounter("reportlens_llm_tokens_total",
            "Tokens of fresh LLM analyses by kind: prompt (prompt_eval_count / usage.prompt_tokens), output (eval_count / usage.completion_tokens), thinking (reasoning tokens, where the backend reports them apart).",
            "kind", "model", "backend");
        _tokensPerSecond = f.CreateGauge("reportlens_llm_tokens_per_second", "Generation speed of the last call per backend (eval_count / eval_duration).", "backend");
        _backendUp = f.CreateGauge("reportlens_backend_up", "1 when the backend answered its last health probe, else 0.", "backend");
        _backendSlots = f.CreateGauge("reportlens_backend_slots", "Concurrent requests the backend is allowed.", "backend");
        _backendSlotsInUse = f.CreateGauge("reportlens_backend_slots_in_use", "Requests running on the backend now.", "backend");
        _backendQueue = f.CreateGauge("reportlens_backend_queue_length", "Requests waiting for a slot on the backend.", "backend");
        _jobItems = f.CreateGauge("reportlens_job_items", "Batch job items by state.", "state");
        _cacheHits = f.CreateCounter("reportlens_cache_hits_total", "Analyses answered from the result cache.");
        _cacheMisses = f.CreateCounter("reportlens_cache_misses_total", "Analyses that had to run.");
        _groundedFraction = f.CreateHistogram("reportlens_grounded_fraction", "Share of model-quoted spans found in the report text, per analysis.",
            new HistogramConfiguration { LabelNames = ["engine"], Buckets = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1] });
        _schemaRepairs = f.CreateCounter("reportlens_schema_repairs_total", "Replies that needed a repair round to fit the JSON schema.", "model");
        _schemaFailures = f.CreateCounter("reportlens_schema_failures_total", "Replies that never fit the JSON schema.", "model");
        _analyses = f.CreateCounter("reportlens_analyses_total", "Finished analyses by engine, annotation type and outcome.",
            "engine", "annotation_type", "outcome");
        _lastSuccess = f.CreateGauge("reportlens_last_successful_analysis_timestamp_seconds", "Unix time of the last successful analysis.");
        _criticalTimeToClose = f.CreateHistogram("reportlens_critical_time_to_close_seconds",
            "Seconds from a critical-finding case opening to a person acknowledging or dismissing it (outcome).",
            new HistogramConfiguration
            {
                LabelNames = ["outcome"],
                // Critical results are to be communicated within minutes, an hour at most.
                Buckets = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400],
            });
        _criticalCases = f.CreateGauge("reportlens_critical_cases", "Critical-finding cases by state.", "state");
        _outboxAttempts = f.CreateCounter("reportlens_outbox_attempts_total",
            "Outbox attempts by way out (webhook, fhir) and outcome (delivered, retry, failed).", "kind", "outcome");
        _hl7Messages = f.CreateCounter("reportlens_hl7_messages_total", "HL7 v2 frames answered over MLLP, by ACK code (AA, AE, AR).", "ack");
        _hl7ParseFailures = f.CreateCounter("reportlens_hl7_parse_failures_total",
            "HL7 v2 frames that could not be read, by reason (framing, too_large, unparsable, not_storable).", "reason");
    }

    public void RecordLlmCall(LlmCallObservation call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var backend = Label(call.Backend);
        var model = Label(call.Model);
        var type = Label(call.AnnotationType);
        _llmRequests.WithLabels(backend, model, type, LlmOutcomes.Normalize(call.Outcome)).Inc();
        _llmDuration.WithLabels(backend, model, type).Observe(Math.Max(0, call.Duration.TotalSeconds));
        AddTokens(TokenKinds.Prompt, model, backend, call.PromptTokens);
        AddTokens(TokenKinds.Thinking, model, backend, call.ThinkingTokens);
        if (call.OutputTokens is > 0)
        {
            AddTokens(TokenKinds.Output, model, backend, call.OutputTokens);
            var generation = call.EvalDuration ?? call.Duration;
            if (generation > TimeSpan.Zero)
            {
                _tokensPerSecond.WithLabels(backend).Set(call.OutputTokens.Value / generation.TotalSeconds);
            }
        }
    }

    private void AddTokens(string kind, string model, string backend, int? tokens)
    {
        if (tokens is > 0)
        {
            _tokens.WithLabels(kind, model, backend).Inc(tokens.Value);
        }
    }

    public void RecordBackendState(string backend, bool up, int slots, int slotsInUse, int queueLength)
    {
        var name = Label(backend);
        _backendUp.WithLabels(name).Set(up ? 1 : 0);
        _backendSlots.WithLabels(name).Set(slots);
        _backendSlotsInUse.WithLabels(name).Set(slotsInUse);
        _backendQueue.WithLabels(name).Set(queueLength);
    }

    /// <summary>Sets the item count per state; states missing from <paramref name="countsByState"/> keep their last value.</summary>
    public void SetJobItems(IReadOnlyDictionary<string, long> countsByState)
    {
        ArgumentNullException.ThrowIfNull(countsByState);
        foreach (var (state, count) in countsByState)
        {
            _jobItems.WithLabels(Label(state)).Set(count);
        }
    }

    public void RecordCache(bool hit) => (hit ? _cacheHits : _cacheMisses).Inc();

    public void RecordGroundedFraction(string engine, double fraction) =>
        _groundedFraction.WithLabels(Label(engine)).Observe(Math.Clamp(fraction, 0, 1));

    public void RecordSchemaRepair(string model) => _schemaRepairs.WithLabels(Label(model)).Inc();

    public void RecordSchemaFailure(string model) => _schemaFailures.WithLabels(Label(model)).Inc();

    public void RecordAnalysis(string engine, string annotationType, string outcome)
    {
        var normalized = LlmOutcomes.Normalize(outcome);
        _analyses.WithLabels(Label(engine), Label(annotationType), normalized).Inc();
        if (normalized is LlmOutcomes.Success or LlmOutcomes.Cached)
        {
            _lastSuccess.Set(_time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    public void RecordCriticalClosed(string outcome, TimeSpan waited) =>
        _criticalTimeToClose.WithLabels(Label(outcome)).Observe(Math.Max(0, waited.TotalSeconds));

    /// <summary>Sets the case count per state; states missing from <paramref name="countsByState"/> keep their last value.</summary>
    public void SetCriticalCases(IReadOnlyDictionary<string, long> countsByState)
    {
        ArgumentNullException.ThrowIfNull(countsByState);
        foreach (var (state, count) in countsByState)
        {
            _criticalCases.WithLabels(Label(state)).Set(count);
        }
    }

    public void RecordHl7Message(Core.Hl7.AckCode ack, string? failure)
    {
        _hl7Messages.WithLabels(ack switch { Core.Hl7.AckCode.Accept => "AA", Core.Hl7.AckCode.Error => "AE", _ => "AR" }).Inc();
        if (failure is not null)
        {
            _hl7ParseFailures.WithLabels(failure).Inc();
        }
    }

    public void RecordOutboxAttempt(string kind, string outcome) => _outboxAttempts.WithLabels(Label(kind), Label(outcome)).Inc();

    /// <summary>
    /// Runs <paramref name="refresh"/> before every scrape: the place to read pool or queue state (for example
    /// job items by state from the database) so gauges are fresh without a timer.
    /// </summary>
    public void AddCollectCallback(Func<CancellationToken, Task> refresh) => _registry.AddBeforeCollectCallback(refresh);

    private static string Label(string? value) => string.IsNullOrWhiteSpace(value) ? "unknown" : value.Trim();
}
