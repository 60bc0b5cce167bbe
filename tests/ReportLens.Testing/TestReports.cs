using ReportLens.Core.Reports;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Testing;

/// <summary>Reports written straight to the database (fast for hundreds), each text distinct.</summary>
public static class TestReports
{
    private static readonly string[] Findings =
    [
        "右肺上叶见一结节，大小约{0}mm×6mm，边界清楚。",
        "肝脏右叶见低密度灶，直径约{0}mm，增强扫描未见强化。",
        "左肾见一囊性灶，大小约{0}mm，壁薄光滑。",
        "双肺纹理增多，右下肺见斑片状影，范围约{0}mm。",
    ];

    /// <summary>Distinct texts (the number makes each unique, so the result cache never answers for another report).</summary>
    public static string ReportText(int index, string tag) =>
        $"检查所见：{string.Format(System.Globalization.CultureInfo.InvariantCulture, Findings[index % Findings.Length], 5 + (index % 40))}心影不大。病例{tag}-{index}。\n诊断意见：建议随访。";

    public static Task<List<int>> StoreAsync(string databaseUrl, int count, string tag, string modality = "CT", string? bodyPart = "胸部") =>
        StoreAsync(databaseUrl, count, i => ReportText(i, tag), modality, bodyPart, i => new DateOnly(2026, 11, 1 + (i % 20)));

    /// <summary>The same text several times (an import would keep one report per text), for comparing doors.</summary>
    public static Task<List<int>> StoreSameTextAsync(string databaseUrl, string text, int count) =>
        StoreAsync(databaseUrl, count, _ => text, "CT", null, _ => null);

    private static async Task<List<int>> StoreAsync(string databaseUrl, int count, Func<int, string> textOf, string modality, string? bodyPart,
        Func<int, DateOnly?> examDateOf)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(DatabaseSettings.Parse(databaseUrl));
        var now = DateTimeOffset.UtcNow;
        var reports = Enumerable.Range(0, count).Select(i =>
        {
            var text = textOf(i);
            return new Report
            {
                ReportContent = text,
                Language = "zh",
                ContentHash = ContentHash.Of(text),
                Modality = modality,
                BodyPart = bodyPart,
                ExamDate = examDateOf(i),
                CreatedAt = now,
                UpdatedAt = now,
            };
        }).ToList();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
        return [.. reports.Select(r => r.Id)];
    }
}
