namespace ReportLens.E2E.Tests.Browser;

internal static class SampleFiles
{
    /// <summary>Contains a character outside the BMP (a surrogate pair) before the findings, so UTF-16 spans are exercised.</summary>
    public const string ChineseReport =
        "检查方法：胸部CT平扫（𠀀序列）。\n检查所见：右肺上叶见一结节，大小约1.5cm×1.2cm，边缘毛刺。双侧胸腔未见积液。纵隔内未见肿大淋巴结。\n诊断意见：右肺上叶结节，考虑周围型肺癌可能，建议进一步增强CT检查。";

    public const string EnglishReport =
        "Findings: There is a 2.3 cm mass in the left lower lobe. No pleural effusion.\nImpression: Left lower lobe mass, suspicious for malignancy.";

    public static string Jsonl()
    {
        static string Line(string accession, string text, string modality, string bodyPart) =>
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["accession_number"] = accession,
                ["report_content"] = text,
                ["modality"] = modality,
                ["body_part"] = bodyPart,
                ["exam_date"] = "2026-11-20",
            }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        return string.Join("\n",
            Line("E2E-0001", ChineseReport, "CT", "胸部"),
            Line("E2E-0002", EnglishReport, "CT", "胸部"),
            "{\"accession_number\": \"E2E-BAD\", \"report_content\": ",
            "{\"accession_number\": \"E2E-EMPTY\", \"report_content\": \"   \"}") + "\n";
    }
}
