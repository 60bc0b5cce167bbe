using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Reviews.Double;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews;

/// <summary>
/// Records reviewers' decisions on annotation items and the items they add, and computes acceptance rates per model
/// and prompt version. Shared by the API, the UI and the review queue; the caller is
/// named by an <see cref="Actor"/>. In double review the decisions go to the reviewer's own record (the
/// <see cref="ReviewSlot"/> the door got from <see cref="DoubleReviews.SlotAsync"/>), not to the annotation's.
/// </summary>
public sealed class ReviewService(ReportLensDbContext db, ReviewStatsCache statsCache, TimeProvider time)
{
    /// <summary>Applies checked decisions (see <see cref="ReviewChecks.Decisions"/>), stamps reviewer and time, and audits it.</summary>
    public async Task<ReviewResponse> ApplyAsync(Annotation annotation, ReviewRequest request, Actor reviewer, CancellationToken ct, ReviewSlot? slot = null)
    {
        var now = time.GetUtcNow();
        var record = Read(annotation, slot);
        var decisions = new Dictionary<string, ReviewDecision>(record.Items);
        var items = request.Items ?? throw Unchecked(nameof(request));
        foreach (var item in items)
        {
            if (item is not { Item: { } key, Decision: { } decision })
            {
                throw Unchecked(nameof(request));
            }

            var edit = decision == ReviewDecisions.Edit;
            var text = edit && !string.IsNullOrWhiteSpace(item.Text) ? item.Text.Trim() : null;
            var attributes = edit && item.Attributes is { IsEmpty: false } a ? a : null;
            decisions[key] = new ReviewDecision(decision, text, reviewer.UserId, reviewer.Username, now, attributes);
        }

        return await SaveAsync(annotation, slot, record with { Items = decisions }, reviewer, $"annotation {annotation.Id}: {items.Count} decisions", ct);
    }

    /// <summary>Adds a missed item checked by <see cref="ReviewChecks.Addition"/> at its UTF-16 and code-point spans.</summary>
    public async Task<ReviewResponse> AddAsync(
        Annotation annotation, ReviewAdditionRequest request, (int Start, int End) codePoints, Actor reviewer, CancellationToken ct, ReviewSlot? slot = null)
    {
        if (request is not { List: { } list, Text: { } text, Start: { } start, End: { } end })
        {
            throw Unchecked(nameof(request));
        }

        var record = Read(annotation, slot);
        var id = record.AddedItems.Count == 0 ? 1 : record.AddedItems.Max(a => a.Id) + 1;
        var addition = new ReviewAddition(id, list, text, start, end, codePoints.Start, codePoints.End,
            request.Attributes ?? new ReviewAttributes(), reviewer.UserId, reviewer.Username, time.GetUtcNow());
        return await SaveAsync(annotation, slot, record with { Added = [.. record.AddedItems, addition] }, reviewer,
            $"annotation {annotation.Id}: added {addition.List} item {id} at {addition.Start}..{addition.End}", ct);
    }

    /// <summary>Removes a reviewer's added item; null when the annotation has no added item <paramref name="additionId"/>.</summary>
    public async Task<ReviewResponse?> RemoveAddedAsync(Annotation annotation, int additionId, Actor reviewer, CancellationToken ct, ReviewSlot? slot = null)
    {
        var record = Read(annotation, slot);
        if (record.AddedItems.All(a => a.Id != additionId))
        {
            return null;
        }

        return await SaveAsync(annotation, slot, record with { Added = record.AddedItems.Where(a => a.Id != additionId).ToList() }, reviewer,
            $"annotation {annotation.Id}: removed added item {additionId}", ct);
    }

    private async Task<ReviewResponse> SaveAsync(Annotation annotation, ReviewSlot? slot, ReviewRecord record, Actor reviewer, string detail, CancellationToken ct)
    {
        if (slot?.Assignment is not { } assignment)
        {
            return await WriteSettledAsync(annotation, record, reviewer, AuditActions.Review, detail, ct);
        }

        assignment.RecordJson = JsonSerializer.Serialize(record, ReportLensJson.Options);
        AuditEntries.Stage(db, reviewer, AuditActions.Review, annotation.ReportId, $"{detail} (double review)", time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ToResponse(annotation, assignment);
    }

    /// <summary>Writes <paramref name="record"/> as the annotation's settled review (a single review, or a double review agreed or adjudicated) and audits it.</summary>
    public async Task<ReviewResponse> WriteSettledAsync(Annotation annotation, ReviewRecord record, Actor actor, string action, string detail, CancellationToken ct)
    {
        annotation.ReviewJson = JsonSerializer.Serialize(record, ReportLensJson.Options);
        annotation.ReviewStatus = StatusOf(record);
        annotation.ReviewedBy = actor.UserId;
        annotation.ReviewedAt = time.GetUtcNow();
        AuditEntries.Stage(db, actor, action, annotation.ReportId, detail, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        statsCache.Invalidate();
        return ToResponse(annotation);
    }

    /// <summary>A double reviewer's own review of the annotation: what they see, and all they see, until the review is settled.</summary>
    public static ReviewResponse ToResponse(Annotation annotation, ReviewAssignment assignment)
    {
        var record = Read(assignment);
        var last = record.Items.Values.Select(d => (DateTimeOffset?)d.ReviewedAt).Concat(record.AddedItems.Select(a => (DateTimeOffset?)a.AddedAt)).Max();
        return new ReviewResponse(annotation.Id, StatusOf(record), last is null ? null : assignment.ReviewerId, last,
            CountsOf(annotation, record), record.Items, record.AddedItems);
    }

    public static ReviewRecord Read(ReviewAssignment assignment) => Parse(assignment.RecordJson);

    private static ReviewRecord Read(Annotation annotation, ReviewSlot? slot) =>
        slot?.Assignment is { } assignment ? Read(assignment) : Read(annotation);

    public static ReviewResponse ToResponse(Annotation annotation)
    {
        var record = Read(annotation);
        return new ReviewResponse(annotation.Id, annotation.ReviewStatus, annotation.ReviewedBy, annotation.ReviewedAt,
            CountsOf(annotation, record), record.Items, record.AddedItems);
    }

    public static ReviewRecord Read(Annotation annotation) => Parse(annotation.ReviewJson);

    private static ReviewRecord Parse(string? reviewJson) =>
        reviewJson is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ReviewRecord>(json, ReportLensJson.Options) ?? new ReviewRecord(new Dictionary<string, ReviewDecision>())
            : new ReviewRecord(new Dictionary<string, ReviewDecision>());

    public static ReviewCounts CountsOf(Annotation annotation, ReviewRecord record)
    {
        var values = record.Items.Values.ToList();
        return new ReviewCounts(
            ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson).Count,
            values.Count(d => d.Decision == ReviewDecisions.Accept),
            values.Count(d => d.Decision == ReviewDecisions.Reject),
            values.Count(d => d.Decision == ReviewDecisions.Edit),
            record.AddedItems.Count);
    }

    public Task<ReviewStatsResponse> StatsAsync(AnnotationType? annotationType, CancellationToken ct) =>
        statsCache.GetAsync(annotationType, () => ComputeStatsAsync(annotationType, ct));

    private async Task<ReviewStatsResponse> ComputeStatsAsync(AnnotationType? annotationType, CancellationToken ct)
    {
        var reviewed = db.Annotations.AsNoTracking().Where(a => a.ReviewJson != null);
        if (annotationType is not null)
        {
            reviewed = reviewed.Where(a => a.AnnotationType == annotationType);
        }

        var rows = await reviewed.Select(a => new { a.ModelName, a.PromptVersion, a.Engine, a.ReviewJson }).ToListAsync(ct);
        var verdicts = await CriticalVerdicts.ByGroupAsync(db, annotationType, ct);
        var reviewedGroups = rows
            .GroupBy(r => (r.ModelName, r.PromptVersion, r.Engine))
            .Select(g =>
            {
                var decisions = g.SelectMany(r => JsonSerializer.Deserialize<ReviewRecord>(r.ReviewJson!, ReportLensJson.Options)?.Items.Values ?? []).ToList();
                var accepted = decisions.Count(d => d.Decision == ReviewDecisions.Accept);
                return new ReviewStatsRow(g.Key.ModelName, g.Key.PromptVersion, g.Key.Engine, g.Count(), decisions.Count, accepted,
                    decisions.Count(d => d.Decision == ReviewDecisions.Reject), decisions.Count(d => d.Decision == ReviewDecisions.Edit),
                    decisions.Count == 0 ? 0 : Math.Round((double)accepted / decisions.Count, 4));
            })
            .ToList();
        var reviewedKeys = reviewedGroups.Select(r => (Model: r.ModelName, Prompt: r.PromptVersion, r.Engine)).ToHashSet();
        var unreviewed = verdicts.Keys.Where(k => !reviewedKeys.Contains(k))
            .Select(k => new ReviewStatsRow(k.Model, k.Prompt, k.Engine, 0, 0, 0, 0, 0, 0));
        var groups = reviewedGroups.Concat(unreviewed)
            .Select(r => verdicts.TryGetValue((r.ModelName, r.PromptVersion, r.Engine), out var v)
                ? r with { CriticalAcknowledged = v.Acknowledged, CriticalDismissed = v.Dismissed, FalseAlarmRate = Math.Round((double)v.Dismissed / (v.Acknowledged + v.Dismissed), 4) }
                : r)
            .OrderBy(r => r.ModelName, StringComparer.Ordinal).ThenBy(r => r.PromptVersion, StringComparer.Ordinal).ThenBy(r => r.Engine.WireName(), StringComparer.Ordinal)
            .ToList();
        return new ReviewStatsResponse(groups);
    }

    /// <summary>A missed item added makes the annotation edited: it was not right as it stood.</summary>
    public static ReviewStatus? StatusOf(ReviewRecord record) =>
        record.AddedItems.Count > 0 ? ReviewStatus.Edited
        : record.Items.Count == 0 ? null
        : record.Items.Values.All(d => d.Decision == ReviewDecisions.Accept) ? ReviewStatus.Accepted
        : record.Items.Values.All(d => d.Decision == ReviewDecisions.Reject) ? ReviewStatus.Rejected
        : ReviewStatus.Edited;

    // The doors check requests with ReviewChecks first; reaching here unchecked is a bug, not a client error.
    private static ArgumentException Unchecked(string parameter) =>
        new("the request was not checked with ReviewChecks", parameter);
}
