using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;
using ReportLens.Llm.Health;
using ReportLens.Llm.Options;
using OllamaChatRequest = OllamaSharp.Models.Chat.ChatRequest;

namespace ReportLens.Llm.Backends;

/// <summary>An Ollama server, called through OllamaSharp's IChatClient on a factory-made HttpClient.</summary>
internal sealed class OllamaBackend : LlmBackend
{
    private readonly OllamaApiClient _client;
    private readonly IChatClient _chat;
    private readonly string _keepAlive;
    // An answer is kept; "unknown" (the endpoint could not say) only for a minute, so a restarted endpoint is asked again.
    private static readonly TimeSpan UnknownFactsLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ModelFacts Facts, DateTimeOffset Until)> _facts = new(StringComparer.Ordinal);

    public OllamaBackend(Uri url, HttpClient httpClient, OllamaOptions options, BackendBreaker breaker, TimeProvider time)
        : base(url.GetLeftPart(UriPartial.Authority), url, options.SlotsPerEndpoint,
            BackendPrivacy.Deidentifies(LlmBackendKind.Ollama, url, options.Deidentify, options.IsTrustedHost(url)), breaker, time)
    {
        httpClient.BaseAddress = url;
        _client = new OllamaApiClient(httpClient, options.Model);
        _chat = Instrumented(_client);
        _keepAlive = options.KeepAlive;
    }

    public override LlmBackendKind Kind => LlmBackendKind.Ollama;

    public override IChatClient ChatClient(string model) => _chat;

    public override ChatOptions CreateChatOptions(ChatCallPlan plan)
    {
        var options = base.CreateChatOptions(plan);
        // OllamaSharp fills the rest of this request (messages, format, options) from ChatOptions. think=false only
        // for a model that can think: older Ollama versions refuse the field for other models.
        options.RawRepresentationFactory = _ => new OllamaChatRequest { KeepAlive = _keepAlive, Think = plan.Facts.Thinks ? false : null };
        if (plan.NumCtx is { } numCtx)
        {
            options.AddOllamaOption(OllamaOption.NumCtx, numCtx);
        }

        return options;
    }

    /// <summary>From /api/show: model_info's "&lt;architecture&gt;.context_length" and the "thinking" capability; cached per model.</summary>
    public override async Task<ModelFacts> GetModelFactsAsync(string model, CancellationToken cancellationToken)
    {
        var key = ModelNames.Normalize(model);
        var now = Time.GetUtcNow();
        if (_facts.TryGetValue(key, out var known) && known.Until > now)
        {
            return known.Facts;
        }

        ModelFacts facts;
        try
        {
            var show = await _client.ShowModelAsync(new ShowModelRequest { Model = model }, cancellationToken).ConfigureAwait(false);
            facts = new ModelFacts(ContextLength(show.Info), show.Capabilities?.Contains("thinking", StringComparer.OrdinalIgnoreCase) == true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The call itself decides whether the endpoint is usable; without facts it is made with the defaults.
            facts = ModelFacts.Unknown;
        }

        _facts[key] = (facts, facts == ModelFacts.Unknown ? now + UnknownFactsLifetime : DateTimeOffset.MaxValue);
        return facts;
    }

    private static int? ContextLength(ModelInfo? info)
    {
        if (info?.ExtraInfo is not { } extra)
        {
            return null;
        }

        var key = info.Architecture is { Length: > 0 } arch ? arch + ".context_length" : null;
        var value = key is not null && extra.TryGetValue(key, out var v) ? v
            : extra.FirstOrDefault(p => p.Key.EndsWith(".context_length", StringComparison.Ordinal)).Value;
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) && i > 0 => i,
            IConvertible c => Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture) is var i and > 0 ? i : null,
            _ => null,
        };
    }

    public override async Task<LlmBackendHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        var version = await _client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var models = (await _client.ListLocalModelsAsync(cancellationToken).ConfigureAwait(false))
            .Select(m => ModelNames.Normalize(m.Name))
            .ToHashSet(StringComparer.Ordinal);
        SetModels(models);
        return new LlmBackendHealth(Name, Url.ToString(), Kind, true, version, [.. models.Order(StringComparer.Ordinal)], null);
    }

    public override void Dispose() => _client.Dispose();
}
