using System.Globalization;
using System.Text;

namespace ReportLens.Core.Deidentification.Evaluation;

/// <summary>Recall and precision per identifier type of found spans against gold spans (see <see cref="PhiTypeScore"/>).</summary>
public static class PhiEvaluator
{
    public static IReadOnlyList<PhiTypeScore> Score(IEnumerable<(IReadOnlyList<GoldPhiSpan> Gold, IReadOnlyList<PhiSpan> Found)> reports)
    {
        var counts = Enum.GetValues<PhiType>().ToDictionary(t => t, _ => new int[4]);
        foreach (var (gold, found) in reports)
        {
            foreach (var g in gold)
            {
                counts[g.Type][0]++;
                var typed = found.Any(f => f.Type == g.Type && Overlaps(f.Start, f.End, g.Start, g.End));
                if (typed && Covered(g, found))
                {
                    counts[g.Type][1]++;
                }
            }

            foreach (var f in found)
            {
                counts[f.Type][2]++;
                if (gold.Any(g => g.Type == f.Type && Overlaps(f.Start, f.End, g.Start, g.End)))
                {
                    counts[f.Type][3]++;
                }
            }
        }

        var rows = counts.Select(c => new PhiTypeScore(c.Key.ToCode(), c.Value[0], c.Value[1], c.Value[2], c.Value[3])).ToList();
        rows.Add(new PhiTypeScore("all", rows.Sum(r => r.Gold), rows.Sum(r => r.Recalled), rows.Sum(r => r.Found), rows.Sum(r => r.Correct)));
        return rows;
    }

    /// <summary>The scores as a Markdown table.</summary>
    public static string ToTable(IReadOnlyList<PhiTypeScore> scores)
    {
        var table = new StringBuilder("| type | gold | recalled | recall | found | correct | precision |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var s in scores)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {s.Type} | {s.Gold} | {s.Recalled} | {s.Recall:0.000} | {s.Found} | {s.Correct} | {s.Precision:0.000} |\n");
        }

        return table.ToString();
    }

    private static bool Overlaps(int aStart, int aEnd, int bStart, int bEnd) => aStart < bEnd && bStart < aEnd;

    private static bool Covered(GoldPhiSpan gold, IReadOnlyList<PhiSpan> found)
    {
        for (var i = gold.Start; i < gold.End; i++)
        {
            if (!found.Any(f => f.Start <= i && i < f.End))
            {
                return false;
            }
        }

        return true;
    }
}
