using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Analysis;
using ReportLens.Application.Audit;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Prompts;

/// <summary>
/// The few-shot example sets every door manages (API, CLI): set one for a type and language from gold records
/// (checked by <see cref="FewShotSetBuilder"/>, replacing the set before), show it, clear it. A change and its audit
/// record commit together; the record names the type, language, count and version, never report text. The analyzer
/// reads the sets through <see cref="IFewShotSource"/>, once per analysis (no process cache: every server sees a
/// change at once).
/// </summary>
public sealed class PromptExamples(IDbContextFactory<ReportLensDbContext> databases, TimeProvider time) : IFewShotSource
{
    public async Task<ExampleSetChange> SetAsync(AnnotationType type, ReportLanguage language, IReadOnlyList<JsonElement> records, Actor actor, CancellationToken ct)
    {
        var build = FewShotSetBuilder.Build(type, language, records, PromptLibrary.Default.Version);
        if (build.Set is not { } set)
        {
            return new ExampleSetChange(null, build.Errors);
        }

        var code = language.ToCode();
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PromptExamples.Where(e => e.AnnotationType == type && e.Language == code).ExecuteDeleteAsync(ct);
        db.PromptExamples.AddRange(set.Examples.Select((example, i) => new PromptExample
        {
            AnnotationType = type,
            Language = code,
            Position = i,
            Name = example.Name,
            ReportText = example.ReportText,
            AnswerJson = example.Answer,
            GoldJson = JsonSerializer.Serialize(build.Gold[i], ReportLensJson.Options),
            PromptVersion = set.PromptVersion,
            CreatedAt = now,
            CreatedBy = actor.UserId,
        }));
        AuditEntries.Stage(db, actor, AuditActions.PromptChange, null,
            $"few-shot examples for {type.ToWire()}/{code}: {set.Examples.Count} example(s), prompt version {set.PromptVersion}", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ExampleSetChange(await ShowAsync(type, language, ct), build.Errors);
    }

    /// <summary>The stored set; null when the type and language have none.</summary>
    public async Task<StoredExampleSet?> ShowAsync(AnnotationType type, ReportLanguage language, CancellationToken ct)
    {
        var rows = await RowsAsync(type, language, ct);
        return rows.Count == 0 ? null : new StoredExampleSet(type, language.ToCode(), ToSet(type, language, rows).PromptVersion, PromptLibrary.Default.Version,
            rows.Max(r => r.CreatedAt),
            [.. rows.Select(r => new StoredExample(r.Position, r.Name, Parse(r.GoldJson), Parse(r.AnswerJson)))]);
    }

    /// <summary>Removes the set; false when there was none (nothing is audited then).</summary>
    public async Task<bool> ClearAsync(AnnotationType type, ReportLanguage language, Actor actor, CancellationToken ct)
    {
        var code = language.ToCode();
        await using var db = await databases.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.PromptExamples.Where(e => e.AnnotationType == type && e.Language == code).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return false;
        }

        AuditEntries.Stage(db, actor, AuditActions.PromptChange, null, $"few-shot examples for {type.ToWire()}/{code} cleared ({removed} example(s))", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Every stored set, each made as <see cref="FindAsync"/> makes it.</summary>
    public async Task<IReadOnlyList<FewShotSet>> AllAsync(CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var rows = await db.PromptExamples.AsNoTracking().OrderBy(e => e.Position).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.AnnotationType, r.Language)).Select(g => ToSet(g.Key.AnnotationType, LanguageOf(g.Key.Language), [.. g]))];
    }

    /// <summary>The prompt versions an evaluation run can choose now: zero-shot, and few-shot when any set is stored.</summary>
    public async Task<IReadOnlyList<PromptVersionChoice>> VersionsAsync(CancellationToken ct) =>
        PromptVersionChoice.Of(await AllAsync(ct), PromptLibrary.Default.Version);

    public async Task<FewShotSet?> FindAsync(AnnotationType type, ReportLanguage language, CancellationToken ct)
    {
        var rows = await RowsAsync(type, language, ct);
        return rows.Count == 0 ? null : ToSet(type, language, rows);
    }

    // The version is made afresh from the library in use: a new prompt library with the same examples is a new prompt.
    private static FewShotSet ToSet(AnnotationType type, ReportLanguage language, List<PromptExample> rows) =>
        FewShotSet.Create(type, language, [.. rows.Select(r => new FewShotExample(r.Name, r.ReportText, r.AnswerJson))], PromptLibrary.Default.Version);

    private async Task<List<PromptExample>> RowsAsync(AnnotationType type, ReportLanguage language, CancellationToken ct)
    {
        var code = language.ToCode();
        await using var db = await databases.CreateDbContextAsync(ct);
        return await db.PromptExamples.AsNoTracking().Where(e => e.AnnotationType == type && e.Language == code).OrderBy(e => e.Position).ToListAsync(ct);
    }

    private static ReportLanguage LanguageOf(string code) =>
        LanguageDetector.TryParse(code, out var language) ? language : throw new InvalidDataException($"prompt_examples holds an unknown language '{code}'");

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
