using Microsoft.EntityFrameworkCore;
using ReportLens.Core.Reports;
using ReportLens.Core.Annotations;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Backup;

/// <summary>Deterministic rows: the same index always yields the same report, annotations and audit entries.</summary>
internal static class BackupTestData
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task CreateSchemaAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }

    public static async Task SeedAsync(DatabaseSettings settings, int reports, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        for (var i = 1; i <= reports; i++)
        {
            Add(db, $"S-{i:D6}", i, annotations: 2, audits: 3, "seed");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One report with one annotation and one audit entry in a single transaction, as the server writes them.</summary>
    public static async Task WriteOneAsync(DatabaseSettings settings, int index, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        Add(db, WriterAccession(index), 100_000 + index, annotations: 1, audits: 1, "writer");
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string WriterAccession(int index) => $"W-{index:D6}";

    public static string Text(int seed) =>
        $"胸部CT平扫：右肺上叶见一约{seed % 30 + 3}mm磨玻璃结节，边界清。纵隔淋巴结不大。印象：右肺上叶结节，建议{seed % 12 + 1}个月复查。"
        + string.Concat(Enumerable.Repeat(" 双肺纹理清晰，未见胸腔积液。", 20)) + $" Case {seed}.";

    public static async Task WipeAsync(DatabaseSettings settings, CancellationToken cancellationToken)
    {
        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        await db.Annotations.ExecuteDeleteAsync(cancellationToken);
        await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
        await db.Reports.ExecuteDeleteAsync(cancellationToken);
    }

    private static void Add(ReportLensDbContext db, string accession, int seed, int annotations, int audits, string origin)
    {
        var text = Text(seed);
        var at = Epoch.AddMinutes(seed);
        var report = new Report
        {
            AccessionNumber = accession,
            ReportContent = text,
            Modality = seed % 2 == 0 ? "CT" : "MRI",
            BodyPart = "胸部",
            Language = "zh",
            ContentHash = ContentHash.Of(text),
            CreatedAt = at,
            UpdatedAt = at,
        };
        for (var a = 0; a < annotations; a++)
        {
            report.Annotations.Add(new Annotation
            {
                AnnotationType = a % 2 == 0 ? AnnotationType.Highlight : AnnotationType.Classification,
                Engine = EngineKind.Llm,
                Status = AnnotationStatus.Succeeded,
                ContentJson = $$"""{"highlights":[{"text":"磨玻璃结节","category":"abnormal","start":{{seed % 40}},"end":{{seed % 40 + 5}}}]}""",
                ModelName = "qwen2.5:7b",
                Confidence = seed % 100 / 100.0,
                CreatedAt = at.AddSeconds(a + 1),
            });
        }

        db.Reports.Add(report);
        for (var k = 0; k < audits; k++)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = at.AddSeconds(10 + k),
                Username = "dr.wang",
                Role = "radiologist",
                Action = k == 0 ? "create" : "read",
                Detail = $"{origin} {seed} step {k}",
                ClientAddress = "10.0.0.7",
            });
        }
    }
}
