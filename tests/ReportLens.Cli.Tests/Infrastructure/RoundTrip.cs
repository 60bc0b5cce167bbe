using Microsoft.EntityFrameworkCore;

namespace ReportLens.Cli.Tests.Infrastructure;

public static class RoundTrip
{
    /// <summary>Same reports (by accession, every field) and the same annotations (type, engine, model, content) in both.</summary>
    public static async Task AssertSameReportsAndAnnotationsAsync(Workspace source, Workspace target)
    {
        var expected = await SnapshotAsync(source);
        var actual = await SnapshotAsync(target);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
    }

    private static async Task<List<string>> SnapshotAsync(Workspace workspace)
    {
        await using var db = workspace.Open();
        var reports = await db.Reports.Include(r => r.Annotations).OrderBy(r => r.AccessionNumber).ToListAsync();
        return reports.Select(r => string.Join("|",
            [r.AccessionNumber, r.ReportContent, r.Modality, r.BodyPart, r.ExamDate?.ToString("O"), r.Language,
                .. r.Annotations.OrderBy(a => a.AnnotationType).ThenBy(a => a.ContentJson)
                    .Select(a => $"{a.AnnotationType}/{a.Engine}/{a.ModelName}/{a.Confidence}/{a.ContentJson}")])).ToList();
    }
}
