using ReportLens.Core.Text;

namespace ReportLens.Llm.Tests;

internal static class SampleReports
{
    public const string Chinese =
        "胸部CT平扫：双肺纹理增多，右肺上叶见结节影，大小约1.2cm×0.8cm。未见明显胸腔积液。心影不大，心胸比例约0.48。主动脉未见异常。\n" +
        "印象：右肺上叶结节，建议随访复查。";

    public const string English =
        "Chest CT: Increased bronchovascular markings in both lungs. A nodule in the right upper lobe measures about 1.2 cm x 0.8 cm. " +
        "No pleural effusion. The heart is not enlarged, cardiothoracic ratio about 0.48.\nImpression: Right upper lobe nodule; follow-up recommended.";

    public static string For(ReportLanguage language) => language == ReportLanguage.Zh ? Chinese : English;

    public static string Prompt(ReportLanguage language) => language == ReportLanguage.Zh ? "请分析报告" : "Analyse the report";
}
