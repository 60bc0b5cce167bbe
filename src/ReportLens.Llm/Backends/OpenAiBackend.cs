using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using ReportLens.Llm.Health;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Backends;

/// <summary>
/// An OpenAI-compatible server (vLLM, llama.cpp server, LM Studio, SGLang) through Microsoft.Extensions.AI.OpenAI. Its
/// configured <see cref="OpenAiServerKind"/> decides how the schema goes out: <c>response_format</c> json_schema
/// (strict), or vLLM's <c>structured_outputs</c>.
/// </summary>
internal sealed class OpenAiBackend : LlmBackend
{
    private readonly OpenAIClient _client;
    private readonly HttpClient _httpClient;
    private readonly ConcurrentDictionary<string, IChatClient> _chatClients = new(StringComparer.Ordinal);

    public OpenAiBackend(OpenAiEndpointOptions endpoint, HttpClient httpClient, BackendBreaker breaker, TimeProvider time)
        : base(endpoint.Name ?? new Uri(endpoint.Url).Authority, new Uri(endpoint.Url), endpoint.Slots,
            BackendPrivacy.Deidentifies(LlmBackendKind.OpenAi, new Uri(endpoint.Url), endpoint.Deidentify, endpoint.Trusted), breaker, time)
    {
        _httpClient = httpClient;
        Server = OpenAiServerKinds.TryParse(endpoint.Kind, out var server)
            ? server
            : throw new ArgumentException($"Unknown OpenAI-compatible server kind '{endpoint.Kind}'.", nameof(endpoint));
        _client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrEmpty(endpoint.ApiKey) ? "none" : endpoint.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = Url,
                Transport = new HttpClientPipelineTransport(httpClient),
                // Retries belong to the pool and the job queue, not to a hidden client loop.
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
            });
        SetModels(endpoint.Models.Select(ModelNames.Normalize).ToHashSet(StringComparer.Ordinal));
    }

    public override LlmBackendKind Kind => LlmBackendKind.OpenAi;

    /// <summary>The server behind the endpoint, as configured.</summary>
    public OpenAiServerKind Server { get; }

    public override ChatOptions CreateChatOptions(ChatCallPlan plan)
    {
        var options = base.CreateChatOptions(plan);
        var logprobs = plan.Logprobs;
        if (Server == OpenAiServerKind.Vllm)
        {
            // vLLM constrains decoding with structured_outputs; the original schema goes there, no response_format.
            options.ResponseFormat = null;
            var structured = BinaryData.FromObjectAsJson(new Dictionary<string, JsonElement> { ["json"] = plan.Schema });
            options.RawRepresentationFactory = _ => Completion(logprobs, structured);
        }
        else
        {
            // Microsoft.Extensions.AI.OpenAI sends json_schema's "strict" only when asked: without it a server may
            // treat the schema as a hint.
            (options.AdditionalProperties ??= [])["strict"] = true;
            options.RawRepresentationFactory = _ => Completion(logprobs, null);
        }

        return options;
    }

    /// <summary>The request fields ChatOptions has no word for: logprobs, and vLLM's structured_outputs.</summary>
    private static ChatCompletionOptions Completion(bool logprobs, BinaryData? structuredOutputs)
    {
        var options = new ChatCompletionOptions { IncludeLogProbabilities = logprobs ? true : null };
        if (structuredOutputs is not null)
        {
#pragma warning disable SCME0001 // JsonPatch is experimental; it is the client's one way to add a vendor field.
            options.Patch.Set("$.structured_outputs"u8, structuredOutputs);
#pragma warning restore SCME0001
        }

        return options;
    }

    public override IChatClient ChatClient(string model) =>
        _chatClients.GetOrAdd(model, m => Instrumented(_client.GetChatClient(m).AsIChatClient()));

    public override async Task<LlmBackendHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await _httpClient.GetAsync(new Uri(Url.ToString().TrimEnd('/') + "/models"), cancellationToken).ConfigureAwait(false);
        return new LlmBackendHealth(Name, Url.ToString(), Kind, true, null, [.. Models!.Order(StringComparer.Ordinal)], null);
    }
}
