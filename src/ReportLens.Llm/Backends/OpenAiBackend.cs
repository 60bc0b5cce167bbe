using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using OpenAI;

namespace ReportLens.Llm;

/// <summary>An OpenAI-compatible server (vLLM, llama.cpp, LM Studio) through Microsoft.Extensions.AI.OpenAI.</summary>
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

    public override ChatOptions CreateChatOptions(ChatCallPlan plan)
    {
        var options = base.CreateChatOptions(plan);
        if (plan.Logprobs)
        {
            options.RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions { IncludeLogProbabilities = true };
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
