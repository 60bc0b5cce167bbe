using System.Collections.Concurrent;
using ReportLens.Cli.Analysis;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Llm;
using Spectre.Console;

namespace ReportLens.Cli.Evaluation;

/// <summary>
/// Runs one engine/model over the gold reports (highlight, classification, extraction each) and scores the outputs
/// with Core's <see cref="Evaluator"/>. A call that yields no valid annotation counts as a schema failure; when
/// every call failed for another reason (Ollama down, unknown model) the run is reported as not made.
/// </summary>
public sealed class EvalRunner(ITextAnalysis analysis, CliContext context)
{
    public async Task<EvalRun> RunAsync(string engine, string model, IReadOnlyList<GoldReport> gold, int concurrency, CancellationToken cancellationToken)
    {
        // In gold order, whatever order the calls finish in: the bootstrap's resamples depend on it.
        var inputs = new EvaluationInput[gold.Count];
        var errors = new ConcurrentBag<string>();
        var label = engine == "rules" ? "rules" : $"{engine} {model}";
        await context.Status.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var bar = progress.AddTask(Markup.Escape($"eval {label}"), maxValue: gold.Count);
            await Parallel.ForEachAsync(Enumerable.Range(0, gold.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    inputs[index] = await EvaluateOneAsync(gold[index], engine, model, errors, ct);
                    bar.Increment(1);
                });
        });
        var attempts = gold.Count * EvaluationInput.AllScoredTypes.Count;
        if (errors.Count == attempts && attempts > 0)
        {
            return new EvalRun(engine, model, null, errors.First());
        }

        var scored = Evaluator.Score(inputs);
        return new EvalRun(engine, model, scored.Report, Figures: scored.Figures);
    }

    private async Task<EvaluationInput> EvaluateOneAsync(GoldReport gold, string engine, string model, ConcurrentBag<string> errors, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<AnnotationType, AnnotationContent?>();
        double latencyMs = 0;
        int? promptTokens = null, completionTokens = null;
        foreach (var type in EvaluationInput.AllScoredTypes)
        {
            var settings = new AnalysisSettings(type, WireNames.Parse<EngineKind>(engine), engine == "rules" ? null : model, "", null);
            var started = context.Time.GetTimestamp();
            try
            {
                var output = await analysis.AnalyzeAsync(gold.Text, gold.Language, settings, cancellationToken);
                contents[type] = output.Content is { } json ? ReportLensJson.DeserializeContent(type, json.GetRawText()) : null;
                promptTokens = Add(promptTokens, output.PromptEvalCount);
                completionTokens = Add(completionTokens, output.EvalCount);
            }
            catch (LlmSchemaException)
            {
                contents[type] = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                contents[type] = null;
                errors.Add(ErrorText.Of(ex));
            }

            latencyMs += context.Time.GetElapsedTime(started).TotalMilliseconds;
        }

        return new EvaluationInput
        {
            Gold = gold,
            Highlights = contents[AnnotationType.Highlight] as HighlightContent,
            Classification = contents[AnnotationType.Classification] as ClassificationContent,
            Extraction = contents[AnnotationType.Extraction] as ExtractionContent,
            LatencyMs = latencyMs,
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
        };
    }

    private static int? Add(int? total, int? value) => value is { } v ? (total ?? 0) + v : total;
}
