using ReportLens.Core.Annotations;

namespace ReportLens.Core.Merging;

/// <summary>
/// The rules compute scores from the report, so their numbers stand; where the LLM's score is within the
/// tolerance the LLM's (usually richer) reason is kept, otherwise the rules' own reason.
/// </summary>
internal static class ScoringMerger
{
    public static MergeResult Merge(ScoringContent llm, ScoringContent rules, MergeOptions options)
    {
        var dimensions = rules.Scores.Select(s => s.Dimension)
            .Concat(llm.Scores.Select(s => s.Dimension))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var merged = new List<ScoreItem>();
        var agreed = 0;
        foreach (var dimension in dimensions)
        {
            var l = llm.Scores.FirstOrDefault(s => s.Dimension == dimension);
            var r = rules.Scores.FirstOrDefault(s => s.Dimension == dimension);
            if (l is null || r is null)
            {
                merged.Add((l ?? r)!);
                continue;
            }

            var max = Math.Max(1, r.MaxScore);
            var llmOnRulesScale = l.Score * max / (double)Math.Max(1, l.MaxScore);
            var agrees = Math.Abs(llmOnRulesScale - r.Score) <= (options.ScoreTolerance * max) + 1e-9;
            agreed += agrees ? 1 : 0;
            merged.Add(r with { Reason = agrees && !string.IsNullOrWhiteSpace(l.Reason) ? l.Reason : r.Reason });
        }

        var ratio = dimensions.Count == 0 ? 1.0 : agreed / (double)dimensions.Count;
        var overall = rules.Scores.Count > 0 ? rules.OverallScore : llm.OverallScore;
        return new MergeResult(new ScoringContent { Scores = merged, OverallScore = overall }, ratio, []);
    }
}
