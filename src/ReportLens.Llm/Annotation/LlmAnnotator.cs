using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReportLens.Core.Annotations;
using ReportLens.Core.Confidence;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Concurrency;
using ReportLens.Llm.Context;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Logprobs;
using ReportLens.Llm.Options;
using ReportLens.Llm.Reasoning;
using ReportLens.Llm.Schemas;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Llm.Annotation;

/// <summary>
/// Annotates a report with the LLM: versioned prompts, the type's schema as structured output, validation with
/// one repair attempt, and a slot on the least-loaded endpoint. An endpoint that is to get de-identified text
/// (<see cref="BackendPrivacy"/>) is sent the report with its identifiers replaced by placeholders, and the result
/// carries the map back (<see cref="LlmAnnotationResult.Deidentified"/>). Logs ids, counts and durations only.
/// </summary>
public sealed partial class LlmAnnotator
{
    private readonly LlmBackendPool _pool;
    private readonly AnnotationSchemas _schemas;
    private readonly LlmCallRunner _runner;
    private readonly ContextPlanner _planner;
    private readonly OllamaOptions _options;
    private readonly PromptLibrary _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmAnnotator> _logger;

    // One random key for the process: placeholders and date shifts agree between calls, and mean nothing outside it.
    // Lazy: a server whose backends all get the original text never loads the detector's lexicon.
    private readonly Lazy<Deidentifier> _deidentifier = new(() => new Deidentifier());

    internal LlmAnnotator(
        LlmBackendPool pool,
        AnnotationSchemas schemas,
        LlmCallRunner runner,
        ContextPlanner planner,
        IOptions<OllamaOptions> options,
        PromptLibrary prompts,
        TimeProvider time,
        ILogger<LlmAnnotator> logger)
    {
        _pool = pool;
        _schemas = schemas;
        _runner = runner;
        _planner = planner;
        _options = options.Value;
        _prompts = prompts;
        _time = time;
        _logger = logger;
    }

    /// <summary>Annotates and returns the validated result; throws an <see cref="LlmException"/> on failure.</summary>
    public async Task<LlmAnnotationResult> AnnotateAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var call = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        return call.Chunks is { } chunks
            ? await AnnotateChunksAsync(request, chunks, cancellationToken).ConfigureAwait(false)
            : await AnnotateCallAsync(call, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LlmAnnotationResult> AnnotateCallAsync(PreparedCall call, AnalysisRequest request, CancellationToken cancellationToken)
    {
        var (lease, options, reply, metrics) = await FirstCallAsync(call, PriorityOf(request), cancellationToken).ConfigureAwait(false);
        using (lease)
        {
            var backend = lease.Backend;
            var check = Check(call, backend, reply);
            if (check.IsValid)
            {
                // The endpoint's slot goes to the next call now, not after the reply's confidence has been worked out.
                lease.Dispose();
                return Finish(call, backend, reply, check, metrics, rejected: null);
            }

            // The repair goes to the same endpoint: it holds the conversation's prefix in its cache.
            AddRepair(call, request, reply.Answer, check);
            var (repaired, repairMetrics) = await _runner.GetAsync(backend, call.Model, call.Messages, options, cancellationToken).ConfigureAwait(false);
            var recheck = Check(call, backend, repaired);
            return recheck.IsValid
                ? Finish(call, backend, repaired, recheck, metrics.Add(repairMetrics), rejected: reply.Answer)
                : throw SchemaFailure(call, backend, [reply.Answer, repaired.Answer], recheck);
        }
    }

    /// <summary>The schema check of a reply without its reasoning; a reply that is nothing but reasoning is its own error.</summary>
    private SchemaCheck Check(PreparedCall call, LlmBackend backend, ModelReply reply)
    {
        if (reply.OnlyThought)
        {
            LogThinkingOnly(call.Type, call.Model, backend.Name);
            throw new LlmThinkingOnlyException(call.Model, backend.Name);
        }

        return _schemas.Check(call.Type, reply.Answer);
    }

    /// <summary>
    /// The first call, on the best endpoint; when that endpoint cannot be reached (no work was done there), once
    /// more on each other endpoint that has the model.
    /// </summary>
    private async Task<(BackendLease Lease, ChatOptions Options, ModelReply Reply, LlmCallMetrics Metrics)> FirstCallAsync(
        PreparedCall call, LlmPriority priority, CancellationToken cancellationToken)
    {
        var tried = new List<LlmBackend>();
        while (true)
        {
            var lease = await AcquireAsync(call, priority, tried, cancellationToken).ConfigureAwait(false);
            try
            {
                var options = lease.Backend.CreateChatOptions(Plan(call));
                var (reply, metrics) = await _runner.GetAsync(lease.Backend, call.Model, call.Messages, options, cancellationToken).ConfigureAwait(false);
                CheckPromptLength(call, lease.Backend, metrics);
                return (lease, options, reply, metrics);
            }
            catch (LlmUnavailableException) when (CanFailOver(call, tried))
            {
                LogFailover(lease.Backend.Name, call.Model);
                tried.Add(lease.Backend);
                lease.Dispose();
            }
            catch
            {
                lease.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// The stream's endpoint and its open stream, moved to the first update. As for <see cref="FirstCallAsync"/>, an
    /// endpoint that cannot be reached fails before any text arrives, and the next endpoint with the model is tried.
    /// </summary>
    private async Task<(BackendLease Lease, ChatOptions Options, IAsyncEnumerator<ChatResponseUpdate> Stream, bool HasUpdate)> OpenStreamAsync(
        PreparedCall call, LlmPriority priority, CancellationToken cancellationToken)
    {
        var tried = new List<LlmBackend>();
        while (true)
        {
            var lease = await AcquireAsync(call, priority, tried, cancellationToken).ConfigureAwait(false);
            IAsyncEnumerator<ChatResponseUpdate>? stream = null;
            try
            {
                var options = lease.Backend.CreateChatOptions(Plan(call));
                stream = _runner.StreamAsync(lease.Backend, call.Model, call.Messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
                var hasUpdate = await stream.MoveNextAsync().ConfigureAwait(false);
                return (lease, options, stream, hasUpdate);
            }
            catch (Exception e)
            {
                if (stream is not null)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }

                lease.Dispose();
                if (e is not LlmUnavailableException || !CanFailOver(call, tried))
                {
                    throw;
                }

                LogFailover(lease.Backend.Name, call.Model);
                tried.Add(lease.Backend);
            }
        }
    }

    private bool CanFailOver(PreparedCall call, List<LlmBackend> tried) =>
        tried.Count + 1 < _pool.Backends.Count(b => b.HasModel(call.Model));

    /// <summary>Streams the reply's text as it arrives (for the UI), then the validated result as the last update.</summary>
    public async IAsyncEnumerable<LlmStreamUpdate> StreamAnnotateAsync(
        AnalysisRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var call = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        if (call.Chunks is { } chunks)
        {
            // A report in chunks is not streamed: the reply of each chunk is only a part of the result.
            yield return new LlmStreamUpdate(LlmStreamUpdateKind.Result, 1, Result: await AnnotateChunksAsync(request, chunks, cancellationToken).ConfigureAwait(false));
            yield break;
        }

        var (lease, options, stream, more) = await OpenStreamAsync(call, PriorityOf(request), cancellationToken).ConfigureAwait(false);
        using var held = lease;
        var backend = lease.Backend;
        var replies = new List<string>();
        var metrics = LlmCallMetrics.None;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (attempt == 2)
            {
                // The repair goes to the same endpoint: it holds the conversation's prefix in its cache.
                stream = _runner.StreamAsync(backend, call.Model, call.Messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
                more = await stream.MoveNextAsync().ConfigureAwait(false);
            }

            var updates = new List<ChatResponseUpdate>();
            try
            {
                while (more)
                {
                    updates.Add(stream.Current);
                    if (stream.Current.Text is { Length: > 0 } text)
                    {
                        yield return new LlmStreamUpdate(LlmStreamUpdateKind.Text, attempt, text);
                    }

                    more = await stream.MoveNextAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            var response = updates.ToChatResponse();
            var reply = ModelReply.From(response, ModelReply.StreamedTokens(updates));
            replies.Add(reply.Answer);
            var attemptMetrics = LlmCallMetrics.From(response, updates.LastOrDefault()?.RawRepresentation);
            if (attempt == 1)
            {
                CheckPromptLength(call, backend, attemptMetrics);
            }

            metrics = metrics.Add(attemptMetrics);
            var check = Check(call, backend, reply);
            if (check.IsValid)
            {
                var result = Finish(call, backend, reply, check, metrics, rejected: attempt == 2 ? replies[0] : null);
                yield return new LlmStreamUpdate(LlmStreamUpdateKind.Result, attempt, Result: result);
                yield break;
            }

            if (attempt == 2)
            {
                throw SchemaFailure(call, backend, replies, check);
            }

            AddRepair(call, request, reply.Answer, check);
            yield return new LlmStreamUpdate(LlmStreamUpdateKind.Repair, attempt + 1);
        }
    }

    private async Task<PreparedCall> PrepareAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ReportText);
        var temperature = request.Temperature ?? _options.DefaultTemperature ?? _prompts.DefaultTemperature(request.Type);
        if (temperature is < 0 or > 2 || double.IsNaN(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(request), temperature, "Temperature must be between 0 and 2.");
        }

        var model = string.IsNullOrWhiteSpace(request.Model) ? _options.Model : request.Model.Trim();
        var started = _time.GetTimestamp();
        var facts = await _pool.GetModelFactsAsync(model, cancellationToken).ConfigureAwait(false);
        var system = _prompts.Get(request.Type, request.Language) + string.Concat(ExampleTurns(request).Select(m => m.Text));
        var window = _planner.Plan(system + _prompts.BuildUserMessage(request.UserPrompt, "", request.Language),
            _schemas.Get(request.Type).GetRawText(), request.ReportText, request.Language, facts);
        return new PreparedCall(request, model, temperature, "reportlens_" + request.Type.ToWire(), started, facts)
        {
            NumCtx = window.NumCtx,
            Chunks = window.Chunks,
            MinPromptTokens = TokenEstimate.Lower(system) + TokenEstimate.Lower(_prompts.BuildUserMessage(request.UserPrompt, request.ReportText, request.Language)),
        };
    }

    /// <summary>A batch analysis (a job, the command line) waits behind interactive ones for a slot.</summary>
    private static LlmPriority PriorityOf(AnalysisRequest request) => request.Interactive ? LlmPriority.Interactive : LlmPriority.Batch;

    private ChatCallPlan Plan(PreparedCall call) =>
        new(call.Model, call.Temperature, _schemas.Get(call.Type), call.SchemaName, call.Facts, call.NumCtx, _runner.Logprobs);

    /// <summary>
    /// A backend that evaluated fewer prompt tokens than the prompt must hold (or filled the whole window) cut it:
    /// Ollama truncates a prompt longer than num_ctx without an error. Logged without text and kept on the result.
    /// </summary>
    private void CheckPromptLength(PreparedCall call, LlmBackend backend, LlmCallMetrics metrics)
    {
        if (metrics.PromptTokens is { } evaluated && (evaluated < call.MinPromptTokens || evaluated >= call.NumCtx))
        {
            call.PromptTruncated = true;
            LogTruncated(call.Type, call.Model, backend.Name, evaluated, call.MinPromptTokens, call.NumCtx);
        }
    }

    /// <summary>Acquires an endpoint and writes the messages for it: the original report, or the de-identified one.</summary>
    private async Task<BackendLease> AcquireAsync(PreparedCall call, LlmPriority priority, IReadOnlyCollection<LlmBackend> exclude, CancellationToken cancellationToken)
    {
        var lease = await _pool.AcquireAsync(call.Model, priority, exclude, cancellationToken).ConfigureAwait(false);
        call.QueueWait = _time.GetElapsedTime(call.Started);
        var request = call.Request;
        call.Deidentified = lease.Backend.Deidentify
            ? call.Deidentified ?? _deidentifier.Value.Deidentify(request.ReportText, cancellationToken: cancellationToken)
            : null;
        call.Messages =
        [
            new(ChatRole.System, _prompts.Get(request.Type, request.Language)),
            .. ExampleTurns(request),
            new(ChatRole.User, _prompts.BuildUserMessage(request.UserPrompt, call.Deidentified?.Text ?? request.ReportText, request.Language)),
        ];
        return lease;
    }

    /// <summary>
    /// The few-shot examples as turns: the example report as the user asks for any report (without the request's own
    /// user prompt, which the example answers do not follow), then the exact JSON as the assistant's reply.
    /// </summary>
    private IEnumerable<ChatMessage> ExampleTurns(AnalysisRequest request) =>
        (request.FewShot?.Examples ?? []).SelectMany(example => new ChatMessage[]
        {
            new(ChatRole.User, _prompts.BuildUserMessage("", example.ReportText, request.Language)),
            new(ChatRole.Assistant, example.Answer),
        });

    private void AddRepair(PreparedCall call, AnalysisRequest request, string reply, SchemaCheck check)
    {
        LogRepair(call.Type, call.Model, check.Errors.Count);
        call.Messages.Add(new ChatMessage(ChatRole.Assistant, reply));
        call.Messages.Add(new ChatMessage(ChatRole.User, _prompts.BuildRepairMessage(check.Errors, request.Language)));
    }

    private LlmAnnotationResult Finish(PreparedCall call, LlmBackend backend, ModelReply reply, SchemaCheck check, LlmCallMetrics metrics, string? rejected)
    {
        var elapsed = _time.GetElapsedTime(call.Started);
        LogDone(call.Type, call.Model, backend.Name, metrics.PromptTokens, metrics.OutputTokens, rejected is null ? 0 : 1, (long)elapsed.TotalMilliseconds);
        var probabilities = reply.Tokens is { } tokens ? ItemProbabilities.Compute(call.Type, tokens) : null;
        return new LlmAnnotationResult
        {
            Content = probabilities is null ? check.Content! : TokenConfidence.Attach(check.Content!, probabilities),
            TokenProbability = probabilities is null ? null : probabilities.Count == 0 ? 1.0 : probabilities.Average(),
            TokenConfidenceSource = !_runner.Logprobs ? TokenConfidenceSources.Off
                : probabilities is null ? TokenConfidenceSources.Unavailable : TokenConfidenceSources.Logprobs,
            RawReply = reply.Answer,
            Thought = reply.Thought,
            ThinkingTokens = metrics.ThinkingTokens,
            RejectedReplies = rejected is null ? [] : [rejected],
            Model = call.Model,
            Backend = backend.Name,
            PromptVersion = PromptVersionOf(call),
            Temperature = call.Temperature,
            PromptTokens = metrics.PromptTokens,
            OutputTokens = metrics.OutputTokens,
            TotalDurationNs = metrics.TotalNs,
            LoadDurationNs = metrics.LoadNs,
            PromptEvalDurationNs = metrics.PromptEvalNs,
            EvalDurationNs = metrics.EvalNs,
            SchemaRepairs = rejected is null ? 0 : 1,
            NumCtx = backend.Kind == LlmBackendKind.Ollama ? call.NumCtx : null,
            PromptTruncated = call.PromptTruncated,
            Elapsed = elapsed,
            QueueWait = call.QueueWait,
            Deidentified = call.Deidentified,
        };
    }

    private LlmSchemaException SchemaFailure(PreparedCall call, LlmBackend backend, IReadOnlyList<string> replies, SchemaCheck check)
    {
        LogSchemaFailure(call.Type, call.Model, backend.Name, check.Errors.Count);
        return new LlmSchemaException(replies, check.Errors, backend.Name, call.Model)
        {
            Deidentified = call.Deidentified is not null,
            PromptVersion = PromptVersionOf(call),
        };
    }

    private string PromptVersionOf(PreparedCall call) =>
        call.Request.FewShot is { IsEmpty: false } examples ? examples.PromptVersion : _prompts.Version;

    private sealed record PreparedCall(AnalysisRequest Request, string Model, double Temperature, string SchemaName, long Started, ModelFacts Facts)
    {
        public AnnotationType Type => Request.Type;

        public TimeSpan QueueWait { get; set; }

        /// <summary>The conversation with the endpoint the call holds; written when an endpoint is acquired.</summary>
        public List<ChatMessage> Messages { get; set; } = [];

        /// <summary>The report as that endpoint sees it when it gets de-identified text; null when it gets the original.</summary>
        public DeidResult? Deidentified { get; set; }

        public int NumCtx { get; init; }

        public IReadOnlyList<ReportChunk>? Chunks { get; init; }

        /// <summary>The fewest tokens any tokenizer makes of the messages (<see cref="TokenEstimate.Lower"/>).</summary>
        public int MinPromptTokens { get; init; }

        public bool PromptTruncated { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM {Type} by {Model} on {Backend}: {PromptTokens} prompt / {OutputTokens} output tokens, {Repairs} repairs, {ElapsedMs} ms")]
    private partial void LogDone(AnnotationType type, string model, string backend, int? promptTokens, int? outputTokens, int repairs, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Type} reply from {Model} on {Backend} held only reasoning, no answer")]
    private partial void LogThinkingOnly(AnnotationType type, string model, string backend);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Type} prompt to {Model} on {Backend} looks truncated: {Evaluated} prompt tokens evaluated, at least {Expected} expected, num_ctx {NumCtx}")]
    private partial void LogTruncated(AnnotationType type, string model, string backend, int evaluated, int expected, int numCtx);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM endpoint {Backend} unreachable for {Model}; trying another endpoint")]
    private partial void LogFailover(string backend, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Type} reply from {Model} failed its schema ({ErrorCount} errors); asking once for a repair")]
    private partial void LogRepair(AnnotationType type, string model, int errorCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM {Type} reply from {Model} on {Backend} still failed its schema after the repair ({ErrorCount} errors)")]
    private partial void LogSchemaFailure(AnnotationType type, string model, string backend, int errorCount);
}
