using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Application.Prompts;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Llm;
using ReportLens.Llm.Errors;

namespace ReportLens.Application.Evaluation;

/// <summary>
/// "Evaluate engines on a gold set", for every door (API, Evaluation page): a durable job runs each gold report
/// through every planned engine (one job item per report, so progress, leases, retries and restarts are the job
/// queue's), keeps what each returned, and when the job ends scores the outputs with Core's
/// <see cref="Evaluator.Score"/> — the numbers `reportlens eval` prints — and stores them.
/// </summary>
public sealed class EvaluationRuns(
    IDbContextFactory<ReportLensDbContext> factory, IReportAnalyzer analyzer, IEvaluationQueue queue, PromptExamples examples, TimeProvider time)
{
    // Gold sets never change once stored, so a parsed set can be kept for the items of its runs.
    private readonly ConcurrentDictionary<int, IReadOnlyList<GoldReport>> _gold = new();

    /// <summary>
    /// The plan of a run (engines × models × prompt versions, <see cref="EvaluationPlan"/>), the prompt versions chosen
    /// among those stored now; or the problem, naming the field.
    /// </summary>
    public async Task<(IReadOnlyList<PlannedRun> Runs, (string Field, string Message)? Problem)> PlanAsync(
        IEnumerable<string> engines, IEnumerable<string> models, IEnumerable<string>? promptVersions, CancellationToken ct)
    {
        var (prompts, problem) = EvaluationPlan.ChoosePrompts(promptVersions, await examples.VersionsAsync(ct));
        return problem is not null ? ([], problem) : EvaluationPlan.Make(engines, models, prompts);
    }

    /// <summary>Creates the run, its job and its audit record in one transaction; null when <paramref name="goldSetId"/> names no gold set.</summary>
    public async Task<EvaluationRunView?> StartAsync(int goldSetId, IReadOnlyList<PlannedRun> plan, Actor actor, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(plan.Count);
        await using var db = await factory.CreateDbContextAsync(ct);
        var set = await db.GoldSets.AsNoTracking().Where(g => g.Id == goldSetId).Select(g => new { g.Id, g.ReportCount }).SingleOrDefaultAsync(ct);
        if (set is null)
        {
            return null;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var now = time.GetUtcNow();
            var run = new EvaluationRun
            {
                GoldSetId = set.Id,
                PlanJson = JsonSerializer.Serialize(plan, ReportLensJson.Options),
                CreatedBy = actor.UserId,
                CreatedAt = now,
            };
            db.EvaluationRuns.Add(run);
            await db.SaveChangesAsync(ct);
            run.JobId = await queue.EnqueueAsync(db, run.Id, set.ReportCount, actor.UserId, ct);
            AuditEntries.Stage(db, actor, AuditActions.EvaluationStart, null,
                $"evaluation run {run.Id} on gold set {set.Id} ({set.ReportCount} report(s)): {string.Join("; ", plan.Select(p => p.PromptVersion is { } v ? $"{p.Label} [{v}]" : p.Label))}", now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            queue.Notify();
            return await GetAsync(run.Id, ct);
        }
    }

    /// <summary>Newest first, with results: the history of a hospital's figures.</summary>
    public async Task<IReadOnlyList<EvaluationRunView>> ListAsync(int offset, int limit, CancellationToken ct)
    {
        List<long> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            ids = await db.EvaluationRuns.OrderByDescending(r => r.Id).Skip(offset).Take(limit).Select(r => r.Id).ToListAsync(ct);
        }

        var views = new List<EvaluationRunView>(ids.Count);
        foreach (var id in ids)
        {
            if (await GetAsync(id, ct) is { } view)
            {
                views.Add(view);
            }
        }

        return views;
    }

    public async Task<EvaluationRunView?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return null;
        }

        var job = run.JobId is { } jobId ? await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct) : null;
        if (run.ResultsJson is null && job is not null && job.Status.IsFinished())
        {
            // The worker scores a run when its last item ends; this covers a process that stopped just before.
            await CompleteAsync(run.Id, ct);
            run = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        }

        var setName = await db.GoldSets.Where(g => g.Id == run.GoldSetId).Select(g => g.Name).SingleAsync(ct);
        return new EvaluationRunView(run.Id, run.GoldSetId, setName, run.JobId, job?.Status ?? JobStatus.Queued,
            job?.Total ?? 0, job?.Succeeded ?? 0, job?.Failed ?? 0, Plan(run),
            run.ResultsJson is { } results ? JsonSerializer.Deserialize<List<EvaluationRunResult>>(results, ReportLensJson.Options) : null,
            run.CreatedBy, run.CreatedAt, run.FinishedAt);
    }

    /// <summary>
    /// One job item: gold report <paramref name="goldIndex"/> through every planned engine; its outputs and the item's
    /// end commit together. Transient LLM failures propagate, so the job retries the item (or waits for an endpoint).
    /// </summary>
    public async Task<bool> RunItemAsync(long runId, int goldIndex, IEvaluationItemStep step, CancellationToken ct)
    {
        EvaluationRun? run;
        await using (var read = await factory.CreateDbContextAsync(ct))
        {
            run = await read.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        }

        if (run is null)
        {
            return false;
        }

        var gold = (await GoldAsync(run.GoldSetId, ct))[goldIndex];
        var plan = Plan(run);
        var fewShot = plan.Any(p => p.FewShot) ? await examples.AllAsync(ct) : [];
        var outputs = new List<EvaluationOutput>(plan.Count);
        for (var p = 0; p < plan.Count; p++)
        {
            var planned = plan[p];
            var outcome = await GoldReportAnalysis.RunAsync(gold, (type, token) => AnalyseAsync(gold, planned, fewShot, type, token), time, Describe, ct);
            outputs.Add(new EvaluationOutput { EvaluationRunId = runId, GoldIndex = goldIndex, PlanIndex = p, OutputJson = StoredOutput.Serialize(outcome) });
        }

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A run of this item whose worker died may have stored its outputs without ending the item.
            await db.EvaluationOutputs.Where(o => o.EvaluationRunId == runId && o.GoldIndex == goldIndex).ExecuteDeleteAsync(ct);
            db.EvaluationOutputs.AddRange(outputs);
            await db.SaveChangesAsync(ct);
            if (!await step.FinishAsync(db, ct))
            {
                await transaction.RollbackAsync(ct);
                return false;
            }

            await transaction.CommitAsync(ct);
        }

        await CompleteAsync(runId, ct);
        return true;
    }

    /// <summary>Scores the run once its job has ended (and only once); outputs in gold order, so the bootstrap is reproducible.</summary>
    public async Task CompleteAsync(long runId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        var job = run?.JobId is { } jobId ? await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct) : null;
        if (run is null || run.ResultsJson is not null || job is null || !job.Status.IsFinished())
        {
            return;
        }

        var gold = await GoldAsync(run.GoldSetId, ct);
        var stored = await db.EvaluationOutputs.AsNoTracking().Where(o => o.EvaluationRunId == runId)
            .OrderBy(o => o.GoldIndex).ThenBy(o => o.PlanIndex).ToListAsync(ct);
        var plan = Plan(run);
        var results = plan.Select((planned, p) =>
        {
            var outcomes = stored.Where(o => o.PlanIndex == p).Select(o => StoredOutput.Deserialize(o.OutputJson, gold[o.GoldIndex])).ToList();
            var attempts = outcomes.Count * EvaluationInput.AllScoredTypes.Count;
            var errors = outcomes.SelectMany(o => o.Errors).ToList();
            if (outcomes.Count == 0 || errors.Count == attempts)
            {
                return new EvaluationRunResult(planned.Engine, planned.Model, planned.PromptVersion, planned.Label,
                    errors.FirstOrDefault() ?? "no gold report was analysed", null);
            }

            var figures = Evaluator.Score(outcomes.Select(o => o.Input)).Figures;
            return new EvaluationRunResult(planned.Engine, planned.Model, planned.PromptVersion, planned.Label, null, figures);
        }).ToList();
        var json = JsonSerializer.Serialize(results, ReportLensJson.Options);
        var finished = job.FinishedAt ?? time.GetUtcNow();
        await db.EvaluationRuns.Where(r => r.Id == runId && r.ResultsJson == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultsJson, json).SetProperty(r => r.FinishedAt, finished), ct);
    }

    private async Task<EngineReply> AnalyseAsync(GoldReport gold, PlannedRun planned, IReadOnlyList<FewShotSet> stored, AnnotationType type, CancellationToken ct)
    {
        var language = LanguageDetector.TryParse(gold.Language, out var parsed) ? parsed : LanguageDetector.Detect(gold.Text);
        var engine = WireNames.Parse<EngineKind>(planned.Engine);
        var request = new AnalysisRequest(gold.Text, language, type, "", engine, engine == EngineKind.Rules ? null : planned.Model, null, Interactive: false,
            FewShot: engine == EngineKind.Rules ? null : PromptOf(planned, stored, type, language));
        var outcome = await analyzer.AnalyzeAsync(request, ct);
        return new EngineReply(ReportLensJson.DeserializeContent(type, outcome.Content.GetRawText()), outcome.Llm?.PromptTokens, outcome.Llm?.OutputTokens);
    }

    /// <summary>
    /// The examples the planned prompt version sends for this type and language: none for zero-shot; for few-shot the
    /// stored set, as long as the stored sets still make the planned version (a set changed since the run started
    /// would score another prompt under this one's name, so those calls fail instead).
    /// </summary>
    private static FewShotSet PromptOf(PlannedRun planned, IReadOnlyList<FewShotSet> stored, AnnotationType type, ReportLanguage language)
    {
        var library = PromptLibrary.Default.Version;
        if (!planned.FewShot)
        {
            return FewShotSet.None(type, language, library);
        }

        if (PromptVersionChoice.Of(stored, library).FirstOrDefault(c => c.FewShot)?.Version != planned.PromptVersion)
        {
            throw new InvalidOperationException($"the few-shot examples changed after the run started: prompt version {planned.PromptVersion} is no longer stored");
        }

        return stored.FirstOrDefault(s => s.Type == type && s.Language == language) ?? FewShotSet.None(type, language, library);
    }

    // Transient LLM failures (no endpoint, timeout, busy) go back to the job, which retries or waits; others are the run's result.
    private static string? Describe(Exception e) => e is LlmException { IsTransient: true } ? null : $"{e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}: {e.Message}";

    private async Task<IReadOnlyList<GoldReport>> GoldAsync(int goldSetId, CancellationToken ct)
    {
        if (_gold.TryGetValue(goldSetId, out var cached))
        {
            return cached;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        var set = await db.GoldSets.AsNoTracking().SingleAsync(g => g.Id == goldSetId, ct);
        return _gold[goldSetId] = GoldFile.Parse(new StringReader(set.Content), set.Name);
    }

    private static List<PlannedRun> Plan(EvaluationRun run) =>
        JsonSerializer.Deserialize<List<PlannedRun>>(run.PlanJson, ReportLensJson.Options) ?? [];
}
