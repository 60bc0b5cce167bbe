namespace ReportLens.Cli.Tests;

/// <summary>Small reports in both languages, written into test files.</summary>
public static class TestData
{
    public const string ChestCt = "胸部CT平扫：右肺上叶见一结节，大小约1.2cm×0.8cm，边界清楚。双肺未见实变。纵隔淋巴结未见肿大。印象：右肺上叶结节，建议随访。";
    public const string HeadMri = "头颅MRI：左侧基底节区见小片状长T2信号，考虑腔隙性脑梗死。脑室系统未见扩大。中线结构居中。";
    public const string EnglishXray = "Chest X-ray: No focal consolidation. Heart size normal. A 5 mm nodule in the left lower lobe. Impression: small nodule, follow-up recommended.";

    public static string Jsonl(params (string Id, string Text)[] reports) =>
        string.Join('\n', reports.Select(r => System.Text.Json.JsonSerializer.Serialize(new { accession_number = r.Id, report_content = r.Text, modality = "CT" }))) + "\n";
}
