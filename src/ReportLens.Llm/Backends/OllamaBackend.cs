using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaChatRequest = OllamaSharp.Models.Chat.ChatRequest;

namespace ReportLens.Llm;

/// <summary>An Ollama server, called through OllamaSharp's IChatClient on a factory-made HttpClient.</summary>
internal sealed class OllamaBackend : LlmBackend
{
    private readonly OllamaApiClient _client;
    private readonly IChatClient _chat;
    private readonly string _keepAlive;

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

    public override ChatOptions CreateChatOptions(string model, double temperature, JsonElement schema, string schemaName)
    {
        var options = base.CreateChatOptions(model, temperature, schema, schemaName);
        // OllamaSharp fills the rest of this request (messages, format, options) from ChatOptions.
        options.RawRepresentationFactory = _ => new OllamaChatRequest { KeepAlive = _keepAlive };
        return options;
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
