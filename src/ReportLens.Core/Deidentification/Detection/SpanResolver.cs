namespace ReportLens.Core.Deidentification.Detection;

/// <summary>
/// Settles overlapping candidates: the longer span wins, then the more specific type (a checked 身份证号 over a
/// labelled record number). Touching organisation or address pieces (浙江大学 + 医学院 + 附属第一医院) become one.
/// </summary>
internal static class SpanResolver
{
    public static List<PhiCandidate> Resolve(List<PhiCandidate> candidates)
    {
        var chosen = new List<PhiCandidate>();
        var taken = new bool[candidates.Count == 0 ? 0 : candidates.Max(c => c.End)];
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => Priority(c.Type)).ThenBy(c => c.Start))
        {
            if (taken.AsSpan(candidate.Start, candidate.Length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(candidate.Start, candidate.Length).Fill(true);
            chosen.Add(candidate);
        }

        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Merge(chosen);
    }

    private static int Priority(PhiType type) => type switch
    {
        PhiType.IdNumber => 0,
        PhiType.Phone => 1,
        PhiType.Date => 2,
        PhiType.RecordNumber => 3,
        PhiType.Name => 4,
        PhiType.Age => 5,
        PhiType.Address => 6,
        PhiType.Organisation => 7,
        _ => 8,
    };

    private static List<PhiCandidate> Merge(List<PhiCandidate> sorted)
    {
        var merged = new List<PhiCandidate>(sorted.Count);
        foreach (var span in sorted)
        {
            if (merged.Count > 0 && merged[^1] is var last && last.End == span.Start && last.Type == span.Type
                && span.Type is PhiType.Organisation or PhiType.Address)
            {
                merged[^1] = last with { End = span.End };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
