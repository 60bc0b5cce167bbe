using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Reports;
using ReportLens.Data.Entities;

namespace ReportLens.Cli.Tests.Infrastructure;

/// <summary>Stores reports and annotations directly, to arrange export tests.</summary>
public static class Seed
{
    public static readonly ExtractionContent ChestExtraction = new()
    {
        Findings = ["右肺上叶见一结节", "双肺未见实变"],
        FindingDetails =
        [
            new Finding { Text = "右肺上叶见一结节", Abnormal = true },
            new Finding { Text = "双肺未见实变", Negated = true },
        ],
        Measurements =
        [
            new Measurement { Item = "结节", Value = "1.2", Unit = "cm", Text = "1.2cm" },
            new Measurement { Item = "结节大小", Value = "1.2×0.8", Unit = "cm", Text = "1.2cm×0.8cm" },
        ],
        Locations = ["右肺上叶"],
        Impression = "右肺上叶结节，建议随访",
    };

    public static readonly ClassificationContent ChestClassification = new()
    {
        Classifications = [new ClassificationItem { Dimension = "紧急程度", Category = "异常轻微", Confidence = 0.8, Evidence = "结节" }],
    };

    public static async Task<List<Report>> ReportsWithAnnotationsAsync(Workspace workspace)
    {
        await using var db = workspace.Open();
        var at = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var chest = NewReport("E1", TestData.ChestCt, "zh", "CT", "胸部", at);
        chest.Annotations.Add(NewAnnotation(ChestExtraction, at));
        chest.Annotations.Add(NewAnnotation(ChestClassification, at.AddDays(10)));
        var xray = NewReport("E2", TestData.EnglishXray, "en", "X-Ray", null, at);
        xray.Annotations.Add(NewAnnotation(new ExtractionContent { Findings = ["A 5 mm nodule"], Impression = "small nodule" }, at.AddDays(20)));
        var plain = NewReport("E3", TestData.HeadMri, "zh", "MRI", "头颅", at);
        db.Reports.AddRange(chest, xray, plain);
        await db.SaveChangesAsync();
        return [chest, xray, plain];
    }

    public static Report NewReport(string accession, string text, string language, string? modality, string? bodyPart, DateTimeOffset at) => new()
    {
        AccessionNumber = accession,
        ReportContent = text,
        ContentHash = ContentHash.Of(text),
        Language = language,
        Modality = modality,
        BodyPart = bodyPart,
        ExamDate = new DateOnly(2025, 5, 30),
        CreatedAt = at,
        UpdatedAt = at,
    };

    public static Annotation NewAnnotation(AnnotationContent content, DateTimeOffset at) => new()
    {
        AnnotationType = content.Type,
        Engine = EngineKind.Rules,
        Status = AnnotationStatus.Succeeded,
        ContentJson = ReportLensJson.SerializeContent(content),
        ModelName = "rules",
        Confidence = 0.9,
        GroundedFraction = 1,
        CreatedAt = at,
    };
}
