using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>Realistic reports of each modality and language used by the whole-report tests.</summary>
internal static class SampleReportsByModality
{
    public static readonly (string Text, ReportLanguage Language)[] All =
    [
        ("胸部CT平扫：\n检查所见：双肺纹理增多，右肺上叶尖段见一磨玻璃结节，大小约8mm×6mm，边界清。心胸比例约0.48，纵隔未见肿大淋巴结，双侧胸腔未见积液。\n诊断意见：1.右肺上叶磨玻璃结节，建议6个月后复查；2.双肺纹理增多。", ReportLanguage.Zh),
        ("头颅CT平扫：左侧基底节区见片状高密度影，范围约3.2cm×2.1cm，CT值约65HU，周围见低密度水肿带，左侧侧脑室受压，中线结构右移约5mm。\n印象：左侧基底节区脑出血并破入脑室，中线移位。", ReportLanguage.Zh),
        ("腹部超声：肝脏大小形态正常，实质回声均匀，肝右叶见一无回声区，大小约1.5cm×1.2cm，后方回声增强。胆囊壁毛糙，腔内见2枚强回声，后伴声影，较大者约0.8cm。\n超声提示：肝囊肿；胆囊结石。", ReportLanguage.Zh),
        ("腰椎MRI：L4/5椎间盘向后突出，硬膜囊受压，L5/S1椎间盘膨出。腰椎生理曲度变直，诸椎体边缘骨质增生。\n诊断：L4/5椎间盘突出；L5/S1椎间盘膨出；腰椎退行性变。", ReportLanguage.Zh),
        ("胸部DR正位片：右侧胸腔见无肺纹理透亮区，肺组织压缩约30%，纵隔居中。\n印象：右侧气胸，请临床及时处理。", ReportLanguage.Zh),
        ("FINDINGS: PA and lateral chest radiograph. No pneumothorax or pleural effusion. Heart size is normal, cardiothoracic ratio 0.45. There is a 6 mm nodule in the right upper lobe.\nIMPRESSION: 6 mm right upper lobe nodule. Recommend follow-up CT in 6 months.", ReportLanguage.En),
        ("EXAMINATION: CT angiography of the chest.\nFINDINGS: Filling defects in the right lower lobe segmental arteries consistent with pulmonary embolism. No aortic dissection. Small right pleural effusion.\nIMPRESSION: Acute pulmonary embolism.", ReportLanguage.En),
        ("Abdominal ultrasound: The liver measures 16.5 cm with increased echogenicity, likely hepatic steatosis. Gallbladder contains two stones, the largest 1.2 x 0.9 cm, without wall thickening. No free fluid.", ReportLanguage.En),
        ("MRI brain: Acute infarct in the left MCA territory measuring 4.1 x 3.0 x 2.5 cm, no hemorrhage, no midline shift. Cannot exclude underlying mass.", ReportLanguage.En),
    ];
}
