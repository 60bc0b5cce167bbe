using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineMeasurementTests
{
    [Theory]
    [InlineData(ReportLanguage.Zh, "右肺上叶见一结节，大小约8mm×6mm。", "8mm×6mm", "结节", "8×6", "mm")]
    [InlineData(ReportLanguage.Zh, "肝右叶见低密度影，大小约3.2cm×2.1cm。", "3.2cm×2.1cm", "低密度影", "3.2×2.1", "cm")]
    [InlineData(ReportLanguage.Zh, "左肾见肿块，大小约3.2×2.1×1.8cm。", "3.2×2.1×1.8cm", "肿块", "3.2×2.1×1.8", "cm")]
    [InlineData(ReportLanguage.Zh, "胆囊内见结石，大小约3.2*2.1cm。", "3.2*2.1cm", "结石", "3.2×2.1", "cm")]
    [InlineData(ReportLanguage.Zh, "双肺散在结节，直径约2-3mm。", "2-3mm", "结节", "2-3", "mm")]
    [InlineData(ReportLanguage.Zh, "甲状腺右叶结节，大小约2～3cm。", "2～3cm", "结节", "2-3", "cm")]
    [InlineData(ReportLanguage.Zh, "心胸比例约0.48。", "0.48", "心胸比例", "0.48", "ratio")]
    [InlineData(ReportLanguage.Zh, "病灶CT值约45HU。", "45HU", "CT值", "45", "HU")]
    [InlineData(ReportLanguage.Zh, "囊肿CT值约-5Hu。", "-5Hu", "CT值", "-5", "Hu")]
    [InlineData(ReportLanguage.Zh, "病灶最大截面积约4.5cm²。", "4.5cm²", "病灶", "4.5", "cm²")]
    [InlineData(ReportLanguage.Zh, "右侧颈总动脉狭窄，收缩期峰值流速约210cm/s。", "210cm/s", "狭窄", "210", "cm/s")]
    [InlineData(ReportLanguage.Zh, "心胸比例约０.４８。", "０.４８", "心胸比例", "0.48", "ratio")]
    [InlineData(ReportLanguage.Zh, "心影不大，心胸比例<0.5。", "0.5", "心胸比例", "0.5", "ratio")]
    [InlineData(ReportLanguage.Zh, "右侧气胸，肺组织压缩约30%。", "30%", "肺组织压缩", "30", "%")]
    [InlineData(ReportLanguage.Zh, "肝内见3枚囊肿。", "3枚", "囊肿", "3", "枚")]
    [InlineData(ReportLanguage.Zh, "右肺上叶可见一大小约1.2cm×1.0cm结节。", "1.2cm×1.0cm", "结节", "1.2×1.0", "cm")]
    [InlineData(ReportLanguage.Zh, "腹膜后见2个肿大淋巴结。", "2个", "肿大淋巴结", "2", "个")]
    [InlineData(ReportLanguage.Zh, "腹腔积液，最深处约45ml。", "45ml", "最深处", "45", "ml")]
    [InlineData(ReportLanguage.Zh, "心影稍大，心胸比例约13.5/29.0。", "13.5/29.0", "心胸比例", "13.5/29.0", "ratio")]
    [InlineData(ReportLanguage.En, "There is a 5 mm nodule in the right upper lobe.", "5 mm", "nodule", "5", "mm")]
    [InlineData(ReportLanguage.En, "A 3.2 x 2.1 cm mass in the left lower lobe.", "3.2 x 2.1 cm", "mass", "3.2×2.1", "cm")]
    [InlineData(ReportLanguage.En, "The cardiothoracic ratio is 0.55.", "0.55", "cardiothoracic ratio", "0.55", "ratio")]
    [InlineData(ReportLanguage.En, "The RV/LV ratio is 1.1; no septal flattening.", "1.1", "RV/LV ratio", "1.1", "ratio")]
    [InlineData(ReportLanguage.En, "Two nodules in the liver.", "Two nodules", "nodules", "2", "count")]
    [InlineData(ReportLanguage.En, "The cyst measures 2.3 by 1.8 cm.", "2.3 by 1.8 cm", "cyst", "2.3×1.8", "cm")]
    [InlineData(ReportLanguage.En, "Hypodense lesion measuring 12 mm in the liver.", "12 mm", "Hypodense lesion", "12", "mm")]
    [InlineData(ReportLanguage.En, "Liver demonstrates a 2.3 cm hypoechoic lesion.", "2.3 cm", "hypoechoic lesion", "2.3", "cm")]
    [InlineData(ReportLanguage.En, "Cardiothoracic ratio of 14.8/30.2, within normal limits.", "14.8/30.2", "Cardiothoracic ratio", "14.8/30.2", "ratio")]
    [InlineData(ReportLanguage.En, "Heart not enlarged (CTR 12/33).", "12/33", "CTR", "12/33", "ratio")]
    [InlineData(ReportLanguage.En, "The cardiothoracic ratio is 13 / 29.", "13 / 29", "cardiothoracic ratio", "13/29", "ratio")]
    [InlineData(ReportLanguage.En, "A 7-mm nodule in the left upper lobe.", "7-mm", "nodule", "7", "mm")]
    [InlineData(ReportLanguage.En, "Stable 1.4 centimeter nodule in the lingula.", "1.4 centimeter", "nodule", "1.4", "cm")]
    public void Analyze_Measurement_ExtractsItemValueUnitAndExactText(ReportLanguage language, string report, string text, string item, string value, string unit)
    {
        var measurement = Assert.Single(Rules.Extract(report, language).Measurements);

        Assert.Equal(text, measurement.Text);
        Assert.Equal(item, measurement.Item);
        Assert.Equal(value, measurement.Value);
        Assert.Equal(unit, measurement.Unit);
        Assert.Equal(text, report[measurement.Grounding!.Start!.Value..measurement.Grounding.End!.Value]);
    }

    // A decimal is one number: the digits after its point are never a count ("1.9 cm nodule" is not 9 nodules).
    [Theory]
    [InlineData("A 1.9 cm nodule in the right upper lobe.", "1.9")]
    [InlineData("The 2.4 centimeter nodules are unchanged.", "2.4")]
    [InlineData("Stable 0.8 cm lesion in segment 7.", "0.8")]
    public void Analyze_DecimalBeforeACountedNoun_IsOneMeasurementNotACount(string report, string value)
    {
        var measurement = Assert.Single(Rules.Extract(report, ReportLanguage.En).Measurements);

        Assert.Equal(value, measurement.Value);
        Assert.NotEqual("count", measurement.Unit);
    }

    [Theory]
    [InlineData("建议3个月后复查。")]
    [InlineData("L4/5椎间盘膨出。")]
    [InlineData("T2WI呈高信号。")]
    [InlineData("检查日期2024-03-05。")]
    public void Analyze_NumbersThatAreNotMeasurements_AreNotExtracted(string report)
    {
        Assert.Empty(Rules.Extract(report).Measurements);
    }

    [Fact]
    public void Analyze_SliceThicknessInTechnique_IsNotAPatientMeasurement()
    {
        var measurements = Rules.Extract("检查方法：胸部CT平扫，层厚5mm。\n检查所见：右肺中叶结节，直径约4mm。").Measurements;

        Assert.Equal("4mm", Assert.Single(measurements).Text);
    }

    [Fact]
    public void Analyze_SeveralMeasurements_AreReturnedInReportOrder()
    {
        const string report = "心胸比例约0.52。右肺上叶结节，大小约12mm×10mm，CT值约-20HU。";

        var measurements = Rules.Extract(report).Measurements;

        Assert.Equal(["0.52", "12mm×10mm", "-20HU"], measurements.Select(m => m.Text));
        Assert.Equal("-20", measurements[2].Value);
    }
}
