using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Llm;
using ReportLens.Llm.Errors;

namespace ReportLens.Application.Evaluation;

/// <summary>One gold report through one engine, each scored annotation type once: the evaluator's input, and the errors met.</summary>
public sealed record GoldReportOutcome(EvaluationInput Input, IReadOnlyList<string> Errors);

/// <summary>
/// Runs one gold report through an engine for highlight, classification and extraction, as `reportlens eval` and
/// the evaluation job both do. A reply that is not a valid annotation is a schema failure (null content); any other
/// failure is also a null content and is listed in <see cref="GoldReportOutcome.Errors"/> as
/// <paramref name="describe"/> words it — unless that returns null: the caller handles it (the job retries
/// transient LLM failures).
/// </summary>
public static class GoldReportAnalysis
{
    public static async Task<GoldReportOutcome> RunAsync(
        GoldReport gold, Func<AnnotationType, CancellationToken, Task<EngineReply>> analyse, TimeProvider time,
        Func<Exception, string?> describe, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<AnnotationType, AnnotationContent?>();
        var errors = new List<string>();
        double latencyMs = 0;
        int? promptTokens = null, completionTokens = null;
        foreach (var type in EvaluationInput.AllScoredTypes)
        {
            var started = time.GetTimestamp();
            try
            {
                var reply = await analyse(type, cancellationToken);
                contents[type] = reply.Content;
                promptTokens = Add(promptTokens, reply.PromptTokens);
                completionTokens = Add(completionTokens, reply.OutputTokens);
            }
            catch (LlmSchemaException)
            {
                contents[type] = null;
            }
            catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && describe(ex) is { } error)
            {
                contents[type] = null;
                errors.Add(error);
            }

            latencyMs += time.GetElapsedTime(started).TotalMilliseconds;
        }

        var input = new EvaluationInput
        {
            Gold = gold,
            Highlights = contents[AnnotationType.Highlight] as HighlightContent,
            Classification = contents[AnnotationType.Classification] as ClassificationContent,
            Extraction = contents[AnnotationType.Extraction] as ExtractionContent,
            LatencyMs = latencyMs,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
        };
        return new GoldReportOutcome(input, errors);
    }

    private static int? Add(int? total, int? value) => value is { } v ? (total ?? 0) + v : total;
}
