using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Reviews.Agreement;

/// <summary>
/// Agreement between reviewers (over annotations both finished in double review) and between each reviewer and each
/// engine and model (over the reviewer's own decisions: their finished double-review records and the single-review
/// decisions they made; "settled" stands for the settled reviews). Labels: <see cref="AgreementLabels"/>; figures:
/// Cohen's κ (<see cref="Core.Evaluation.CohenKappa"/>).
/// </summary>
public sealed class ReviewAgreement(ReportLensDbContext db)
{
    public const string Settled = "settled";

    public async Task<AgreementResponse> GetAsync(CancellationToken ct)
    {
        var assignments = await db.ReviewAssignments.AsNoTracking().ToListAsync(ct);
        var doubleIds = assignments.Select(a => a.AnnotationId).Distinct().ToList();
        var annotations = await db.Annotations.AsNoTracking()
            .Where(a => a.Status == AnnotationStatus.Succeeded && (a.ReviewJson != null || doubleIds.Contains(a.Id)))
            .ToDictionaryAsync(a => a.Id, ct);
        var finished = assignments.Where(a => a.FinishedAt is not null && annotations.ContainsKey(a.AnnotationId)).ToList();
        return new AgreementResponse(Pairs(finished, annotations), Engines(finished, annotations));
    }

    private static List<ReviewerPairAgreement> Pairs(List<ReviewAssignment> finished, Dictionary<long, Annotation> annotations) => finished
        .GroupBy(a => a.AnnotationId).Where(g => g.Count() == 2)
        .Select(g => g.OrderBy(a => a.ReviewerName, StringComparer.Ordinal).ToList())
        .GroupBy(p => (p[0].ReviewerName, p[1].ReviewerName))
        .Select(g =>
        {
            var rated = g.Select(p => (Annotation: annotations[p[0].AnnotationId], A: ReviewService.Read(p[0]), B: ReviewService.Read(p[1]))).ToList();
            var kinds = rated.SelectMany(r => ItemPairs(r.Annotation, r.A, r.B)).Concat(rated.SelectMany(r => AddedPairs(r.A, r.B)));
            var dimensions = rated.SelectMany(r => DimensionPairs(r.Annotation, d => r.A.Items.GetValueOrDefault(d), d => r.B.Items.GetValueOrDefault(d)));
            return new ReviewerPairAgreement(g.Key.Item1, g.Key.Item2, rated.Count, Rows(kinds), Rows(dimensions));
        })
        .OrderBy(p => p.ReviewerA, StringComparer.Ordinal).ThenBy(p => p.ReviewerB, StringComparer.Ordinal)
        .ToList();

    private static List<EngineAgreement> Engines(List<ReviewAssignment> finished, Dictionary<long, Annotation> annotations)
    {
        var inDouble = finished.Select(a => a.AnnotationId).ToHashSet();
        var rated = finished.Select(a => (Reviewer: a.ReviewerName, Annotation: annotations[a.AnnotationId], Record: ReviewService.Read(a))).ToList();
        foreach (var annotation in annotations.Values.Where(a => a.ReviewJson is not null))
        {
            var settled = ReviewService.Read(annotation);
            rated.Add((Settled, annotation, settled));
            if (!inDouble.Contains(annotation.Id))
            {
                // A single review: each reviewer's own decisions and additions in the settled record.
                var names = settled.Items.Values.Select(d => d.Reviewer).Concat(settled.AddedItems.Select(x => x.Reviewer)).OfType<string>().Distinct();
                rated.AddRange(names.Select(name => (name, annotation, new ReviewRecord(
                    settled.Items.Where(d => d.Value.Reviewer == name).ToDictionary(), settled.AddedItems.Where(x => x.Reviewer == name).ToList()))));
            }
        }

        return rated
            .GroupBy(r => (r.Reviewer, Engine: r.Annotation.Engine.WireName(), r.Annotation.ModelName))
            .Select(g => new EngineAgreement(g.Key.Reviewer, g.Key.Engine, g.Key.ModelName, g.Count(), g.Sum(r => r.Record.AddedItems.Count),
                Rows(g.SelectMany(r => ItemPairs(r.Annotation, Engine, r.Record))),
                Rows(g.SelectMany(r => DimensionPairs(r.Annotation, _ => new ReviewDecision(ReviewDecisions.Accept, null, null, null, default), d => r.Record.Items.GetValueOrDefault(d))))))
            .OrderBy(e => e.Reviewer, StringComparer.Ordinal).ThenBy(e => e.Engine, StringComparer.Ordinal).ThenBy(e => e.ModelName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What an engine says of each of its items: accept.</summary>
    private static readonly ReviewRecord Engine = new(new Dictionary<string, ReviewDecision>());

    private static IEnumerable<(string Kind, string A, string B)> ItemPairs(Annotation annotation, ReviewRecord a, ReviewRecord b) =>
        ReviewItems.Of(annotation.AnnotationType, annotation.ContentJson)
            .Select(i => (Kind: AgreementLabels.KindOf(i.Key), A: a == Engine ? ReviewDecisions.Accept : a.Items.GetValueOrDefault(i.Key)?.Decision, B: b.Items.GetValueOrDefault(i.Key)?.Decision))
            .Where(p => p.A is not null && p.B is not null)
            .Select(p => (p.Kind, p.A!, p.B!));

    private static IEnumerable<(string Kind, string A, string B)> AddedPairs(ReviewRecord a, ReviewRecord b)
    {
        var keysA = a.AddedItems.Select(Double.ReviewComparer.KeyOf).ToHashSet();
        var keysB = b.AddedItems.Select(Double.ReviewComparer.KeyOf).ToHashSet();
        return a.AddedItems.Concat(b.AddedItems).DistinctBy(Double.ReviewComparer.KeyOf).Select(x =>
        {
            var key = Double.ReviewComparer.KeyOf(x);
            return (AgreementLabels.AddedKindOf(x.List), keysA.Contains(key) ? AgreementLabels.Added : AgreementLabels.NotAdded,
                keysB.Contains(key) ? AgreementLabels.Added : AgreementLabels.NotAdded);
        });
    }

    private static IEnumerable<(string Kind, string A, string B)> DimensionPairs(
        Annotation annotation, Func<string, ReviewDecision?> a, Func<string, ReviewDecision?> b) =>
        AgreementLabels.Classifications(annotation)
            .Select(c => (c.Dimension, A: AgreementLabels.Verdict(a(c.Item), c.Category), B: AgreementLabels.Verdict(b(c.Item), c.Category)))
            .Where(p => p.A is not null && p.B is not null)
            .Select(p => (p.Dimension, p.A!, p.B!));

    private static List<AgreementRow> Rows(IEnumerable<(string Kind, string A, string B)> pairs) => pairs
        .GroupBy(p => p.Kind)
        .Select(g => AgreementRow.Of(g.Key, g.Select(p => (p.A, p.B))))
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .ToList();
}
