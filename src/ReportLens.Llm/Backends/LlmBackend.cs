using Microsoft.Extensions.AI;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Health;

namespace ReportLens.Llm.Backends;

/// <summary>One endpoint of the pool: its chat client, slots, circuit breaker, models and recent performance.</summary>
internal abstract class LlmBackend(string name, Uri url, int slots, bool deidentify, BackendBreaker breaker, TimeProvider time) : IDisposable
{
    private volatile IReadOnlySet<string>? _models;
    private volatile string? _lastError;
    private long _modelsRefreshedTicks;

    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public abstract LlmBackendKind Kind { get; }

    /// <summary>Whether this endpoint gets de-identified report text (<see cref="BackendPrivacy"/>).</summary>
    public bool Deidentify { get; } = deidentify;

    public LlmSlotLimiter Slots { get; } = new(slots);

    public BackendBreaker Breaker { get; } = breaker;

    public BackendStats Stats { get; } = new(time);

    protected TimeProvider Time { get; } = time;

    /// <summary>The message of the last failure that counted against the endpoint (no patient data: our own texts).</summary>
    public string? LastError => _lastError;

    /// <summary>The models the endpoint has; null until first known (then every model is assumed possible).</summary>
    public IReadOnlySet<string>? Models => _models;

    public DateTimeOffset? ModelsRefreshedAt =>
        Interlocked.Read(ref _modelsRefreshedTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public bool HasModel(string model) => _models is null || _models.Contains(ModelNames.Normalize(model));

    public abstract IChatClient ChatClient(string model);

    /// <summary>
    /// The OpenTelemetry GenAI conventions around a backend's chat client: a span per call with model and token usage
    /// (source <see cref="LlmTelemetry.SourceName"/>). Sensitive data stays off: no prompt, report or reply text.
    /// </summary>
    protected static IChatClient Instrumented(IChatClient client) =>
        client.AsBuilder().UseOpenTelemetry(sourceName: LlmTelemetry.SourceName, configure: c => c.EnableSensitiveData = false).Build();

    /// <summary>Options for one annotation call: model, temperature, the schema as structured output.</summary>
    public virtual ChatOptions CreateChatOptions(ChatCallPlan plan) => new()
    {
        ModelId = plan.Model,
        Temperature = (float)plan.Temperature,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(plan.Schema, plan.SchemaName),
    };

    /// <summary>The model's context window and abilities, when the backend can say (cached); else <see cref="ModelFacts.Unknown"/>.</summary>
    public virtual Task<ModelFacts> GetModelFactsAsync(string model, CancellationToken cancellationToken) => Task.FromResult(ModelFacts.Unknown);

    /// <summary>Reachability, version and models; also refreshes <see cref="Models"/>.</summary>
    public abstract Task<LlmBackendHealth> ProbeAsync(CancellationToken cancellationToken);

    public void RecordFailure(LlmException error) => _lastError = error.Message;

    /// <summary>Sequence number of the last time the pool chose this endpoint: equal loads go round-robin.</summary>
    public long LastChosen { get; set; }

    protected void SetModels(IReadOnlySet<string> models)
    {
        _models = models;
        Interlocked.Exchange(ref _modelsRefreshedTicks, Time.GetUtcNow().UtcTicks);
    }

    public virtual void Dispose()
    {
    }
}
