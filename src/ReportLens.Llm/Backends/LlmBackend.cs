using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ReportLens.Llm;

/// <summary>One endpoint of the pool: its chat client, its slots, the models it has and its recent performance.</summary>
internal abstract class LlmBackend(string name, Uri url, int slots, TimeProvider time) : IDisposable
{
    private volatile IReadOnlySet<string>? _models;

    public string Name { get; } = name;

    public Uri Url { get; } = url;

    public abstract LlmBackendKind Kind { get; }

    public LlmSlotLimiter Slots { get; } = new(slots);

    public BackendStats Stats { get; } = new(time);

    /// <summary>The models the endpoint has; null until first known (then every model is assumed possible).</summary>
    public IReadOnlySet<string>? Models
    {
        get => _models;
        protected set => _models = value;
    }

    public bool HasModel(string model) => _models is null || _models.Contains(ModelNames.Normalize(model));

    public abstract IChatClient ChatClient(string model);

    /// <summary>Options for one annotation call: model, temperature, the schema as structured output.</summary>
    public virtual ChatOptions CreateChatOptions(string model, double temperature, JsonElement schema, string schemaName) => new()
    {
        ModelId = model,
        Temperature = (float)temperature,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, schemaName),
    };

    /// <summary>Reachability, version and models; also refreshes <see cref="Models"/>.</summary>
    public abstract Task<LlmBackendHealth> ProbeAsync(CancellationToken cancellationToken);

    public virtual void Dispose()
    {
    }
}
