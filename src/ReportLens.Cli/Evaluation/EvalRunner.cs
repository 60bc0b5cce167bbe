using System.Collections.Concurrent;
using ReportLens.Application.Evaluation;
using ReportLens.Cli.Analysis;
using ReportLens.Cli.Infrastructure;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Core.Text;
using Spectre.Console;

namespace ReportLens.Cli.Evaluation;

/// <summary>
/// Runs one engine/model over the gold reports (highlight, classification, extraction each) and scores the outputs
/// with Core's <see cref="Evaluator"/>. A call that yields no valid annotation counts as a schema failure; when
/// every call failed for another reason (Ollama down, unknown model) the run is reported as not made.
/// </summary>
public sealed class EvalRunner(ITextAnalysis analysis, CliContext context)
{
    /// <param name="prompt">Zero- or few-shot for every call of the run; null leaves the choice to the analyzer.</param>
    public async Task<EvalRun> RunAsync(string engine, string model, IReadOnlyList<GoldReport> gold, int concurrency, CancellationToken cancellationToken,
        PromptVariant? prompt = null)
    {
        // In gold order, whatever order the calls finish in: the bootstrap's resamples depend on it.
        var inputs = new EvaluationInput[gold.Count];
        var errors = new ConcurrentBag<string>();
        var label = new EvalRun(engine, model, null, Prompt: prompt?.Name).Label;
        await context.Status.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var bar = progress.AddTask(Markup.Escape($"eval {label}"), maxValue: gold.Count);
            await Parallel.ForEachAsync(Enumerable.Range(0, gold.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (index, ct) =>
                {
                    inputs[index] = await EvaluateOneAsync(gold[index], engine, model, prompt, errors, ct);
                    bar.Increment(1);
                });
        });
        var attempts = gold.Count * EvaluationInput.AllScoredTypes.Count;
        if (errors.Count == attempts && attempts > 0)
        {
            return new EvalRun(engine, model, null, errors.First(), prompt?.Name);
        }

        var scored = Evaluator.Score(inputs);
        return new EvalRun(engine, model, scored.Report, Prompt: prompt?.Name, Figures: scored.Figures);
    }

    private async Task<EvaluationInput> EvaluateOneAsync(GoldReport gold, string engine, string model, PromptVariant? prompt, ConcurrentBag<string> errors,
        CancellationToken cancellationToken)
    {
        var language = LanguageDetector.TryParse(gold.Language, out var parsed) ? parsed : LanguageDetector.Detect(gold.Text);
        var outcome = await GoldReportAnalysis.RunAsync(gold, async (type, ct) =>
        {
            var settings = new AnalysisSettings(type, WireNames.Parse<EngineKind>(engine), engine == "rules" ? null : model, "", null, prompt?.For(type, language));
            var output = await analysis.AnalyzeAsync(gold.Text, gold.Language, settings, ct);
            var content = output.Content is { } json ? ReportLensJson.DeserializeContent(type, json.GetRawText()) : null;
            return new EngineReply(content, output.PromptEvalCount, output.EvalCount);
        }, context.Time, ErrorText.Of, cancellationToken);
        foreach (var error in outcome.Errors)
        {
            errors.Add(error);
        }

        return outcome.Input;
    }
}
