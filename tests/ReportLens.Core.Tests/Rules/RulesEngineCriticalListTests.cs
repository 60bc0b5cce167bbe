using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>The hospital 危急值 lists (critical.tsv) beyond the classic chest and neuro emergencies, in both languages.</summary>
public sealed class RulesEngineCriticalListTests
{
    [Theory]
    [InlineData("超声提示：左侧附件区囊实性包块，伴卵巢扭转。")]
    [InlineData("超声所见：胎盘与宫壁间见不均质回声区。超声提示：胎盘早剥。")]
    [InlineData("右上腹见“靶环征”包块。超声提示：肠套叠。")]
    [InlineData("诊断意见：左侧大量胸腔积液，左肺受压，纵隔右移。")]
    [InlineData("诊断意见：脾脏下极破裂，腹腔积血。")]
    [InlineData("诊断意见：T12椎体爆裂骨折，骨块后突，胸髓受压。")]
    [InlineData("诊断意见：右侧输卵管妊娠破裂。")]
    public void Analyze_AssertedHospitalListFinding_IsCritical(string report)
    {
        Assert.Equal("危急", Rules.Classify(report).Category("紧急程度"));
    }

    [Theory]
    [InlineData("Findings: Retroplacental hypoechoic collection. Impression: Placental abruption.")]
    [InlineData("Impression: Ileocolic intussusception in the right upper quadrant.")]
    [InlineData("Impression: Left adnexal torsion.")]
    [InlineData("Impression: Moderate haemoperitoneum around the liver and spleen.")]
    public void Analyze_EnglishHospitalListFinding_IsCritical(string report)
    {
        Assert.Equal("危急", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_CordCompressionAfterAFracture_IsCriticalButInADegenerativeSpineIsSevere()
    {
        var trauma = Rules.Classify("诊断意见：C4椎体骨折伴脱位，颈髓受压。");
        var degenerative = Rules.Classify("诊断意见：C5/6椎间盘突出，椎管狭窄，颈髓受压。");

        Assert.Equal("危急", trauma.Category("紧急程度"));
        Assert.Contains("颈髓受压", trauma.Classifications.Single(c => c.Dimension == "紧急程度").Evidence, StringComparison.Ordinal);
        Assert.Equal("异常严重", degenerative.Category("紧急程度"));
    }

    [Theory]
    [InlineData("双侧附件区未见包块，未见卵巢扭转征象。")]
    [InlineData("胎盘附着于子宫前壁，胎盘早剥待排，建议复查。")]
    [InlineData("卧位片对少量气胸显示不敏感，少量气胸不能完全除外。")]
    [InlineData("建议CT检查以除外肠套叠。")]
    public void Analyze_NegatedUncertainOrHypotheticalListFinding_IsNotCritical(string report)
    {
        Assert.NotEqual("危急", Rules.Classify(report).Category("紧急程度"));
    }

    [Theory]
    [InlineData("Lungs are clear. Assessment for small pneumothorax is limited on this supine film.")]
    [InlineData("No intussusception is identified.")]
    [InlineData("Findings may represent early placental abruption.")]
    public void Analyze_EnglishListFindingNotAsserted_IsNotCritical(string report)
    {
        Assert.NotEqual("危急", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }
}
