using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Llm;
using ReportLens.Application.Caching;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application.Analysis;

/// <summary>Runs an analysis through the result cache and turns the outcome into a stored annotation.</summary>
public sealed class AnalysisService(IReportAnalyzer analyzer, ResultCache cache, TimeProvider time, IEnumerable<IAnalysisObserver> observers)
{
    public const string RulesModelName = "rules";

    /// <summary>Runs the analysis; a fresh result is written to the cache at once.</summary>
    public Task<AnalysisResult> RunAsync(AnalysisInput input, CancellationToken ct) => RunAsync(input, unitOfWork: null, ct);

    /// <summary>
    /// Runs the analysis; a fresh result's cache entry is staged in <paramref name="unitOfWork"/>, to commit with
    /// the caller's annotation in one transaction (<see cref="ResultCache.SaveChangesAsync"/>).
    /// </summary>
    public async Task<AnalysisResult> RunAsync(AnalysisInput input, ReportLensDbContext? unitOfWork, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        // Engine, model and temperature are decided here, once: the cache key and the analyzer see the same values.
        var request = await analyzer.ResolveAsync(new AnalysisRequest(input.Text, input.Language, input.Type, input.UserPrompt,
            input.Engine, input.Model, input.Temperature, input.Interactive, input.OnReplyText), ct);
        var engine = request.Engine.GetValueOrDefault();
        try
        {
            var result = await RunCachedAsync(input, request, engine, unitOfWork, ct);
            foreach (var observer in observers)
            {
                observer.Completed(input, result);
            }

            return result;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            foreach (var observer in observers)
            {
                observer.Failed(input, engine, error, time.GetElapsedTime(started));
            }

            throw;
        }
    }

    private async Task<AnalysisResult> RunCachedAsync(AnalysisInput input, AnalysisRequest request, EngineKind engine, ReportLensDbContext? unitOfWork, CancellationToken ct)
    {
        var typeName = input.Type.ToWire();
        var key = ResultCache.Key(input.Text, typeName, analyzer.Fingerprint(request, engine));
        if (!input.BypassCache && await (unitOfWork is null ? cache.GetAsync(key, ct) : cache.GetAsync(key, unitOfWork, ct)) is { } hit)
        {
            return new AnalysisResult(input.Type, hit.Engine, hit.Content, hit.GroundedFraction,
                hit.Confidence, hit.ConfidenceDetails, hit.Llm, hit.DurationSeconds, Cached: true);
        }

        var outcome = await analyzer.AnalyzeAsync(request, ct);
        var content = ReportLensJson.ContentToElement(outcome.Content);
        var seconds = Math.Round(outcome.Elapsed.TotalSeconds, 3);
        var result = new AnalysisResult(input.Type, outcome.Engine, content, outcome.GroundedFraction, outcome.Confidence,
            outcome.ConfidenceDetails, outcome.Llm, seconds, Cached: false);
        var stored = new CachedResult(outcome.Engine, content, outcome.GroundedFraction, outcome.Confidence,
            outcome.ConfidenceDetails, outcome.Llm, outcome.Agreement, outcome.Contradictions, seconds);
        var model = outcome.Llm?.Model ?? RulesModelName;
        if (unitOfWork is null)
        {
            await cache.PutAsync(key, input.Type, model, stored, ct);
        }
        else
        {
            await cache.StageAsync(unitOfWork, key, input.Type, model, stored, justMissed: !input.BypassCache, ct);
        }

        return result;
    }

    /// <summary>The annotation row for a result; for unstored text (no report id) it is only shown, never saved.</summary>
    public Annotation ToAnnotation(AnalysisInput input, AnalysisResult result, int? userId) => new()
    {
        ReportId = input.ReportId ?? 0,
        JobId = input.JobId,
        JobItemId = input.JobItemId,
        AnnotationType = input.Type,
        Engine = result.Engine,
        Status = AnnotationStatus.Succeeded,
        ContentJson = result.Content.GetRawText(),
        UserPrompt = input.UserPrompt,
        PromptVersion = result.Llm?.PromptVersion ?? RulesModelName,
        ModelName = result.Llm?.Model ?? RulesModelName,
        ModelTemperature = result.Llm?.Temperature ?? 0,
        OptionsJson = JsonSerializer.Serialize(new
        {
            input.Model,
            input.Temperature,
            input.Engine,
            bypass_cache = input.BypassCache,
            // How the model call went (docs/llm.md): context window, chunks, truncation, reasoning.
            num_ctx = result.Llm?.NumCtx,
            chunks = result.Llm?.Chunks,
            prompt_truncated = result.Llm?.PromptTruncated,
            thought = result.Llm?.Thought,
            token_confidence = result.Llm?.TokenConfidence,
            token_probability = result.Llm?.TokenProbability,
        }, ReportLensJson.Options),
        Backend = result.Llm?.Backend,
        Confidence = result.Confidence,
        ConfidenceJson = result.ConfidenceDetails.ValueKind == JsonValueKind.Undefined ? null : result.ConfidenceDetails.GetRawText(),
        GroundedFraction = result.GroundedFraction,
        PromptTokens = result.Llm?.PromptTokens,
        OutputTokens = result.Llm?.OutputTokens,
        ThinkingTokens = result.Llm?.ThinkingTokens,
        TotalDurationNs = result.Llm?.TotalDurationNs,
        LoadDurationNs = result.Llm?.LoadDurationNs,
        PromptEvalDurationNs = result.Llm?.PromptEvalDurationNs,
        EvalDurationNs = result.Llm?.EvalDurationNs,
        DurationSeconds = result.DurationSeconds,
        Cached = result.Cached,
        SchemaRepairs = result.Llm?.SchemaRepairs ?? 0,
        CreatedBy = userId,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>A failed annotation: the reason, and the model's raw replies kept for audit (stored, never logged).</summary>
    public Annotation ToFailedAnnotation(AnalysisInput input, LlmSchemaException failure, int? userId) => new()
    {
        ReportId = input.ReportId ?? 0,
        JobId = input.JobId,
        JobItemId = input.JobItemId,
        AnnotationType = input.Type,
        Engine = input.Engine ?? EngineKind.Llm,
        Status = AnnotationStatus.Failed,
        UserPrompt = input.UserPrompt,
        PromptVersion = failure.PromptVersion ?? Core.Prompts.PromptLibrary.Default.Version,
        ModelName = failure.Model,
        ModelTemperature = input.Temperature ?? 0,
        Backend = failure.Backend,
        SchemaRepairs = Math.Max(0, failure.RawReplies.Count - 1),
        ErrorReason = failure.Message,
        RawReply = string.Join("\n---\n", failure.RawReplies),
        CreatedBy = userId,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>紧急程度 of a classification, kept on the report for lists and filters.</summary>
    public static string? UrgencyOf(AnalysisResult result) =>
        result.Type != AnnotationType.Classification || !result.Content.TryGetProperty("classifications", out var items)
            ? null
            : items.EnumerateArray()
                .Where(i => i.TryGetProperty("dimension", out var d) && d.GetString() == ClassificationVocabulary.Urgency)
                .Select(i => i.TryGetProperty("category", out var c) ? c.GetString() : null)
                .FirstOrDefault();
}
