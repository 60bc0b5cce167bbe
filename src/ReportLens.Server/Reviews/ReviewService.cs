using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Reviews;

/// <summary>Records reviewers' decisions on annotation items and computes acceptance rates per model and prompt version.</summary>
public sealed class ReviewService(ReportLensDbContext db, AuditLog audit, ReviewStatsCache statsCache, TimeProvider time)
{
    public const int MaxEditedTextLength = 2000;

    /// <summary>Checks a request against the annotation's items; errors keyed like a validation problem.</summary>
    public static Dictionary<string, string[]> Check(Annotation annotation, ReviewRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Items is not { Count: > 0 } items)
        {
            errors["items"] = ["items must list at least one decision"];
            return errors;
        }

        var known = ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson).Select(i => i.Key).ToHashSet();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Item is null || !known.Contains(item.Item))
            {
                errors[$"items[{i}].item"] = [$"'{item.Item}' is not an item of this annotation"];
            }

            if (item.Decision is null || !ReviewDecisions.All.Contains(item.Decision))
            {
                errors[$"items[{i}].decision"] = ["decision must be accept, reject or edit"];
            }
            else if (item.Decision == ReviewDecisions.Edit && string.IsNullOrWhiteSpace(item.Text))
            {
                errors[$"items[{i}].text"] = ["an edit needs the corrected text"];
            }

            if (item.Text is { Length: > MaxEditedTextLength })
            {
                errors[$"items[{i}].text"] = [$"text must be at most {MaxEditedTextLength} characters"];
            }
        }

        return errors;
    }

    /// <summary>Applies checked decisions (see <see cref="Check"/>), stamps reviewer and time, and audits it.</summary>
    public async Task<ReviewResponse> ApplyAsync(Annotation annotation, ReviewRequest request, ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decisions = new Dictionary<string, ReviewDecision>(Read(annotation).Items);
        foreach (var item in request.Items!)
        {
            var text = item.Decision == ReviewDecisions.Edit ? item.Text!.Trim() : null;
            decisions[item.Item!] = new ReviewDecision(item.Decision!, text, reviewer.UserId(), reviewer.Identity?.Name, now);
        }

        annotation.ReviewJson = JsonSerializer.Serialize(new ReviewRecord(decisions), ReportLensJson.Options);
        annotation.ReviewStatus = StatusOf(decisions.Values);
        annotation.ReviewedBy = reviewer.UserId();
        annotation.ReviewedAt = now;
        audit.Stage(reviewer, AuditActions.Review, annotation.ReportId, $"annotation {annotation.Id}: {request.Items!.Count} decisions");
        await db.SaveChangesAsync(ct);
        statsCache.Invalidate();
        return ToResponse(annotation);
    }

    public static ReviewResponse ToResponse(Annotation annotation)
    {
        var record = Read(annotation);
        return new ReviewResponse(annotation.Id, annotation.ReviewStatus, annotation.ReviewedBy, annotation.ReviewedAt,
            CountsOf(annotation, record), record.Items);
    }

    public static ReviewRecord Read(Annotation annotation) =>
        annotation.ReviewJson is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ReviewRecord>(json, ReportLensJson.Options) ?? new ReviewRecord(new Dictionary<string, ReviewDecision>())
            : new ReviewRecord(new Dictionary<string, ReviewDecision>());

    public static ReviewCounts CountsOf(Annotation annotation, ReviewRecord record)
    {
        var values = record.Items.Values.ToList();
        return new ReviewCounts(
            ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson).Count,
            values.Count(d => d.Decision == ReviewDecisions.Accept),
            values.Count(d => d.Decision == ReviewDecisions.Reject),
            values.Count(d => d.Decision == ReviewDecisions.Edit));
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
        var groups = rows
            .GroupBy(r => (r.ModelName, r.PromptVersion, r.Engine))
            .Select(g =>
            {
                var decisions = g.SelectMany(r => JsonSerializer.Deserialize<ReviewRecord>(r.ReviewJson!, ReportLensJson.Options)?.Items.Values ?? []).ToList();
                var accepted = decisions.Count(d => d.Decision == ReviewDecisions.Accept);
                return new ReviewStatsRow(g.Key.ModelName, g.Key.PromptVersion, g.Key.Engine, g.Count(), decisions.Count, accepted,
                    decisions.Count(d => d.Decision == ReviewDecisions.Reject), decisions.Count(d => d.Decision == ReviewDecisions.Edit),
                    decisions.Count == 0 ? 0 : Math.Round((double)accepted / decisions.Count, 4));
            })
            .OrderBy(r => r.ModelName, StringComparer.Ordinal).ThenBy(r => r.PromptVersion, StringComparer.Ordinal).ThenBy(r => r.Engine.WireName(), StringComparer.Ordinal)
            .ToList();
        return new ReviewStatsResponse(groups);
    }

    private static ReviewStatus? StatusOf(ICollection<ReviewDecision> decisions) =>
        decisions.Count == 0 ? null
        : decisions.All(d => d.Decision == ReviewDecisions.Accept) ? ReviewStatus.Accepted
        : decisions.All(d => d.Decision == ReviewDecisions.Reject) ? ReviewStatus.Rejected
        : ReviewStatus.Edited;
}
