using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Llm;
using ReportLens.Application.Caching;
using ReportLens.Llm.Errors;

namespace ReportLens.Application.Analysis;

/// <summary>Runs an analysis through the result cache and turns the outcome into a stored annotation.</summary>
public sealed class AnalysisService(IReportAnalyzer analyzer, ResultCache cache, TimeProvider time, IEnumerable<IAnalysisObserver> observers)
{
    public const string RulesModelName = "rules";

    /// <summary>Runs the analysis; a fresh result is written to the cache at once.</summary>
    public Task<AnalysisOutcome> RunAsync(AnalysisRequest request, CancellationToken ct) => RunAsync(request, unitOfWork: null, ct);

    /// <summary>
    /// Runs the analysis; a fresh result's cache entry is staged in <paramref name="unitOfWork"/>, to commit with
    /// the caller's annotation in one transaction (<see cref="ResultCache.SaveChangesAsync"/>).
    /// </summary>
    public async Task<AnalysisOutcome> RunAsync(AnalysisRequest request, ReportLensDbContext? unitOfWork, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        // Engine, model and temperature are decided here, once: the cache key and the analyzer see the same values.
        var resolved = await analyzer.ResolveAsync(request, ct);
        var engine = resolved.Engine.GetValueOrDefault();
        try
        {
            var outcome = await RunCachedAsync(resolved, engine, unitOfWork, ct);
            foreach (var observer in observers)
            {
                observer.Completed(request, outcome);
            }

            return outcome;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            foreach (var observer in observers)
            {
                observer.Failed(request, engine, error, time.GetElapsedTime(started));
            }

            throw;
        }
    }

    private async Task<AnalysisOutcome> RunCachedAsync(AnalysisRequest request, EngineKind engine, ReportLensDbContext? unitOfWork, CancellationToken ct)
    {
        var key = ResultCache.Key(request.ReportText, request.Type.ToWire(), analyzer.Fingerprint(request, engine));
        if (!request.BypassCache && await (unitOfWork is null ? cache.GetAsync(key, ct) : cache.GetAsync(key, unitOfWork, ct)) is { } hit)
        {
            return hit;
        }

        var outcome = await analyzer.AnalyzeAsync(request, ct);
        var model = outcome.Llm?.Model ?? RulesModelName;
        if (unitOfWork is null)
        {
            await cache.PutAsync(key, request.Type, model, outcome, ct);
        }
        else
        {
            await cache.StageAsync(unitOfWork, key, request.Type, model, outcome, justMissed: !request.BypassCache, ct);
        }

        return outcome;
    }

    /// <summary>
    /// The annotation row for an outcome of <paramref name="request"/> as it was asked (its options are recorded as
    /// given, before the defaults); for unstored text (no report, report id 0) it is only shown, never saved.
    /// </summary>
    public Annotation ToAnnotation(AnalysisRequest request, AnalysisOutcome outcome, int? userId, int reportId = 0, IRecordingStep? step = null) => new()
    {
        ReportId = reportId,
        JobId = step?.JobId,
        JobItemId = step?.JobItemId,
        AnnotationType = request.Type,
        Engine = outcome.Engine,
        Status = AnnotationStatus.Succeeded,
        ContentJson = outcome.Content.GetRawText(),
        UserPrompt = request.UserPrompt,
        PromptVersion = outcome.Llm?.PromptVersion ?? RulesModelName,
        ModelName = outcome.Llm?.Model ?? RulesModelName,
        ModelTemperature = outcome.Llm?.Temperature ?? 0,
        OptionsJson = JsonSerializer.Serialize(new
        {
            request.Model,
            request.Temperature,
            request.Engine,
            bypass_cache = request.BypassCache,
            // How the model call went (docs/llm.md): context window, chunks, truncation, reasoning.
            num_ctx = outcome.Llm?.NumCtx,
            chunks = outcome.Llm?.Chunks,
            prompt_truncated = outcome.Llm?.PromptTruncated,
            thought = outcome.Llm?.Thought,
            token_confidence = outcome.Llm?.TokenConfidence,
            token_probability = outcome.Llm?.TokenProbability,
        }, ReportLensJson.Options),
        Backend = outcome.Llm?.Backend,
        Confidence = outcome.Confidence,
        ConfidenceJson = outcome.ConfidenceDetails.ValueKind == JsonValueKind.Undefined ? null : outcome.ConfidenceDetails.GetRawText(),
        GroundedFraction = outcome.GroundedFraction,
        PromptTokens = outcome.Llm?.PromptTokens,
        OutputTokens = outcome.Llm?.OutputTokens,
        ThinkingTokens = outcome.Llm?.ThinkingTokens,
        TotalDurationNs = outcome.Llm?.TotalDurationNs,
        LoadDurationNs = outcome.Llm?.LoadDurationNs,
        PromptEvalDurationNs = outcome.Llm?.PromptEvalDurationNs,
        EvalDurationNs = outcome.Llm?.EvalDurationNs,
        DurationSeconds = outcome.DurationSeconds,
        Cached = outcome.Cached,
        SchemaRepairs = outcome.Llm?.SchemaRepairs ?? 0,
        CreatedBy = userId,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>A failed annotation: the reason, and the model's raw replies kept for audit (stored, never logged).</summary>
    public Annotation ToFailedAnnotation(AnalysisRequest request, LlmSchemaException failure, int? userId, int reportId, IRecordingStep? step) => new()
    {
        ReportId = reportId,
        JobId = step?.JobId,
        JobItemId = step?.JobItemId,
        AnnotationType = request.Type,
        Engine = request.Engine ?? EngineKind.Llm,
        Status = AnnotationStatus.Failed,
        UserPrompt = request.UserPrompt,
        PromptVersion = failure.PromptVersion ?? Core.Prompts.PromptLibrary.Default.Version,
        ModelName = failure.Model,
        ModelTemperature = request.Temperature ?? 0,
        Backend = failure.Backend,
        SchemaRepairs = Math.Max(0, failure.RawReplies.Count - 1),
        ErrorReason = failure.Message,
        RawReply = string.Join("\n---\n", failure.RawReplies),
        CreatedBy = userId,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>紧急程度 of a classification, kept on the report for lists and filters.</summary>
    public static string? UrgencyOf(AnnotationType type, AnalysisOutcome outcome) =>
        type != AnnotationType.Classification || !outcome.Content.TryGetProperty("classifications", out var items)
            ? null
            : items.EnumerateArray()
                .Where(i => i.TryGetProperty("dimension", out var d) && d.GetString() == ClassificationVocabulary.Urgency)
                .Select(i => i.TryGetProperty("category", out var c) ? c.GetString() : null)
                .FirstOrDefault();
}
