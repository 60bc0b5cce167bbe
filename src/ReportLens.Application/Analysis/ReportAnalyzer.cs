using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ReportLens.Core.Annotations;
using ReportLens.Core.Confidence;
using ReportLens.Core.Deidentification;
using ReportLens.Core.Grounding;
using ReportLens.Core.Json;
using ReportLens.Core.Merging;
using ReportLens.Core.Prompts;
using ReportLens.Core.Rules;
using ReportLens.Llm;
using ReportLens.Llm.Analysis;
using ReportLens.Llm.Annotation;
using ReportLens.Llm.Backends;
using ReportLens.Llm.Errors;
using ReportLens.Llm.Options;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Analysis;

/// <summary>
/// Runs the rules engine, the LLM, or both; grounds every item in the report text; merges the engines; and
/// computes confidence from that evidence (docs/confidence.md), not from the model's token count.
/// </summary>
public sealed class ReportAnalyzer(
    IRulesEngine rules, LlmAnnotator llm, ILlmStatusProvider status, IOptions<OllamaOptions> options, TimeProvider time,
    IOptions<AnalysisLimitsOptions>? limits = null, IFewShotSource? fewShot = null)
    : IReportAnalyzer
{
    private readonly IFewShotSource _fewShot = fewShot ?? NoFewShotSource.Instance;

    private readonly int _maxItems = (limits?.Value ?? new AnalysisLimitsOptions()).MaxItemsPerAnnotation;

    /// <summary>Bumped when the rules engine's output changes, so cached rules results are not served stale.</summary>
    public const string RulesVersion = "rules-1";

    public async Task<EngineKind> DefaultEngineAsync(CancellationToken ct)
    {
        var current = await status.GetLatestStatusAsync(ct);
        return current.Reachable && current.ModelPresent ? EngineKind.Hybrid : EngineKind.Rules;
    }

    /// <summary>The request with engine, model, temperature and examples decided: what it names, else the defaults.</summary>
    public async Task<AnalysisRequest> ResolveAsync(AnalysisRequest request, CancellationToken ct)
    {
        var engine = request.Engine ?? await DefaultEngineAsync(ct);
        var zeroShot = FewShotSet.None(request.Type, request.Language, PromptLibrary.Default.Version);
        return request with
        {
            Engine = engine,
            Model = ModelOf(request),
            Temperature = TemperatureOf(request),
            FewShot = request.FewShot ?? (engine == EngineKind.Rules ? zeroShot : await _fewShot.FindAsync(request.Type, request.Language, ct) ?? zeroShot),
        };
    }

    public string Fingerprint(AnalysisRequest request, EngineKind engine)
    {
        if (engine == EngineKind.Rules)
        {
            return $"rules|{RulesVersion}|{request.Language}";
        }

        // Normalised as the pool matches models, so "qwen2.5" and "qwen2.5:latest" share cache entries.
        var model = ModelNames.Normalize(ModelOf(request));
        return string.Create(CultureInfo.InvariantCulture,
            $"{engine}|{model}|{PromptVersionOf(request)}|{TemperatureOf(request):R}|{request.Language}|{(engine == EngineKind.Hybrid ? RulesVersion : "")}|{request.UserPrompt}");
    }

    // The examples' version: a changed example set is a changed prompt, for the cache as for the annotation.
    private static string PromptVersionOf(AnalysisRequest request) => request.FewShot?.PromptVersion ?? PromptLibrary.Default.Version;

    private string ModelOf(AnalysisRequest request) => string.IsNullOrWhiteSpace(request.Model) ? options.Value.Model : request.Model.Trim();

    private double TemperatureOf(AnalysisRequest request) =>
        request.Temperature ?? options.Value.DefaultTemperature ?? PromptLibrary.Default.DefaultTemperature(request.Type);

    /// <summary>Traces analyses as "ReportLens.Analysis" spans (ids, engine and figures only — never text).</summary>
    public static readonly ActivitySource Tracing = new("ReportLens.Analysis");

    public async Task<AnalysisOutcome> AnalyzeAsync(AnalysisRequest request, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        if (request.Engine is null || request.Model is null || request.Temperature is null || request.FewShot is null)
        {
            request = await ResolveAsync(request, ct);
        }

        var engine = request.Engine.GetValueOrDefault();
        using var activity = Tracing.StartActivity("analyze");
        activity?.SetTag("reportlens.engine", engine.WireName());
        activity?.SetTag("reportlens.annotation_type", request.Type.ToWire());
        var outcome = engine switch
        {
            EngineKind.Rules => RunRules(request, started, ct),
            EngineKind.Llm => await RunLlmAsync(request, started, withRules: false, ct),
            _ => await RunLlmAsync(request, started, withRules: true, ct),
        };
        activity?.SetTag("reportlens.model", outcome.Llm?.Model);
        activity?.SetTag("reportlens.grounded_fraction", outcome.GroundedFraction);
        activity?.SetTag("reportlens.confidence", outcome.Confidence);
        return outcome;
    }

    private AnalysisOutcome RunRules(AnalysisRequest request, long started, CancellationToken ct)
    {
        var grounded = GroundedRules(request, ct);
        var confidence = ConfidenceCalculator.Compute(new ConfidenceEvidence
        {
            Engine = EngineKind.Rules,
            GroundedFraction = grounded.GroundedFraction,
            RulesItemConfidence = RulesItemConfidence.Mean(grounded.Content),
        });
        return new AnalysisOutcome(EngineKind.Rules, ReportLensJson.ContentToElement(grounded.Content), grounded.GroundedFraction, confidence.Value,
            Details(confidence), null, null, 0, SecondsSince(started));
    }

    private async Task<AnalysisOutcome> RunLlmAsync(AnalysisRequest request, long started, bool withRules, CancellationToken ct)
    {
        var reply = request.OnReplyText is { } onText ? await StreamAsync(request, onText, ct) : await llm.AnnotateAsync(request, ct);
        var grounded = GroundedReply(request, reply, ct);
        var schema = reply.SchemaRepairs > 0 ? SchemaOutcome.ValidAfterRepair : SchemaOutcome.ValidFirstTry;
        var content = grounded.Content;
        double? agreement = null;
        var contradictions = 0;
        if (withRules)
        {
            var rulesContent = GroundedRules(request, ct).Content;
            ct.ThrowIfCancellationRequested();
            var merged = EngineMerger.Merge(content, rulesContent, options: null, ct);
            var truncated = content.Truncated || rulesContent.Truncated;
            content = ItemCap.Apply(merged.Content, _maxItems);
            if (truncated && !content.Truncated)
            {
                content = content with { Truncated = true };
            }
            agreement = merged.AgreementRatio;
            contradictions = merged.ContradictionCount;
        }

        var engine = withRules ? EngineKind.Hybrid : EngineKind.Llm;
        var evidence = new ConfidenceEvidence
        {
            Engine = engine,
            Schema = schema,
            GroundedFraction = grounded.GroundedFraction,
            AgreementRatio = agreement,
            ContradictionCount = contradictions,
            TokenProbability = reply.TokenProbability,
        };
        var confidence = ConfidenceCalculator.Compute(evidence);
        // Each item the model gave a probability for: the annotation's evidence (without the token factor) × that probability.
        content = TokenConfidence.Combine(content, ConfidenceCalculator.Compute(evidence with { TokenProbability = null }).Value);
        var call = new LlmCallInfo(reply.Model, reply.Backend, reply.PromptVersion, reply.Temperature, reply.PromptTokens, reply.OutputTokens,
            reply.TotalDurationNs, reply.LoadDurationNs, reply.PromptEvalDurationNs, reply.EvalDurationNs, reply.SchemaRepairs, reply.RawReply,
            reply.Deidentified is not null || reply.DeidentifiedChunks, reply.Thought, reply.ThinkingTokens, reply.Chunks, reply.NumCtx, reply.PromptTruncated,
            reply.TokenConfidenceSource, reply.TokenProbability);
        return new AnalysisOutcome(engine, ReportLensJson.ContentToElement(content), grounded.GroundedFraction, confidence.Value, Details(confidence), call, agreement,
            contradictions, SecondsSince(started));
    }

    /// <summary>
    /// The model's items grounded in the text it saw; when that was de-identified, brought back onto the original
    /// report, so every span cuts out the original text (docs/privacy.md).
    /// </summary>
    private GroundingResult GroundedReply(AnalysisRequest request, LlmAnnotationResult reply, CancellationToken ct)
    {
        var content = ItemCap.Apply(reply.Content, _maxItems);
        if (reply.Deidentified is not { } deid)
        {
            return Grounder.Ground(request.ReportText, content, options: null, ct);
        }

        var grounded = Grounder.Ground(deid.Text, content, options: null, ct);
        return grounded with { Content = DeidentifiedContent.ToOriginal(grounded.Content, deid) };
    }

    private async Task<LlmAnnotationResult> StreamAsync(AnalysisRequest call, Func<string, Task> onText, CancellationToken ct)
    {
        await foreach (var update in llm.StreamAnnotateAsync(call, ct))
        {
            switch (update.Kind)
            {
                case LlmStreamUpdateKind.Text when update.Text is { } text:
                    await onText(text);
                    break;
                case LlmStreamUpdateKind.Repair:
                    await onText("\n\n— repair —\n");
                    break;
                case LlmStreamUpdateKind.Result when update.Result is { } result:
                    return result;
            }
        }

        throw new LlmBackendException(null, "the model's stream ended without a result", null);
    }

    // Spans come from the report itself; the grounder adds what the rules engine does not set (classification evidence)
    // and the grounded fraction.
    private GroundingResult GroundedRules(AnalysisRequest request, CancellationToken ct) =>
        Grounder.Ground(request.ReportText, ItemCap.Apply(rules.Analyze(request.ReportText, request.Type, request.Language, ct), _maxItems), options: null, ct);

    // Milliseconds are what an annotation keeps (duration_seconds).
    private double SecondsSince(long started) => Math.Round(time.GetElapsedTime(started).TotalSeconds, 3);

    private static JsonElement Details(ConfidenceReport report) => JsonSerializer.SerializeToElement(report, ReportLensJson.Options);
}
