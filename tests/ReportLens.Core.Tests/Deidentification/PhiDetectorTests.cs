using ReportLens.Core.Deidentification;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>What the detector finds, and what it must leave alone, one rule at a time.</summary>
public sealed class PhiDetectorTests
{
    private static IReadOnlyList<PhiSpan> Find(string text) => PhiDetector.Default.Find(text);

    private static void AssertOnly(string text, PhiType type, string expected)
    {
        var spans = Find(text);
        Assert.True(spans.Count == 1, $"'{text}': {string.Join(", ", spans.Select(s => $"{s.Type} '{s.Text}'"))}");
        Assert.Equal(type, spans[0].Type);
        Assert.Equal(expected, spans[0].Text);
    }

    [Theory]
    [InlineData("身份证号码为11010519491231002X，请核对", "11010519491231002X")]
    [InlineData("证件 440304198507153218 已登记", "440304198507153218")]
    public void Find_ResidentIdWithValidCheckDigit_IsIdNumber(string text, string id) => AssertOnly(text, PhiType.IdNumber, id);

    [Fact]
    public void Find_EighteenDigitsWithWrongCheckDigit_IsNotAnIdNumber()
    {
        // 11010519491231002X is valid; the same digits ending in 3 fail the MOD 11-2 check.
        Assert.DoesNotContain(Find("编码110105194912310023"), s => s.Type == PhiType.IdNumber);
    }

    [Theory]
    [InlineData("请联系13812345678。", "13812345678")]
    [InlineData("请联系 138-1234-5678", "138-1234-5678")]
    [InlineData("请联系 +86 139 1234 5678", "+86 139 1234 5678")]
    [InlineData("科室 0571-87654321 转", "0571-87654321")]
    [InlineData("科室（010）62345678", "（010）62345678")]
    [InlineData("call (415) 555-0132 now", "(415) 555-0132")]
    [InlineData("call 415.555.0132", "415.555.0132")]
    public void Find_Phone_IsPhone(string text, string phone) => AssertOnly(text, PhiType.Phone, phone);

    [Fact]
    public void Find_ElevenDigitsWithUnusedMobilePrefix_IsNotAPhone() =>
        Assert.DoesNotContain(Find("序列 12012345678"), s => s.Type == PhiType.Phone);

    [Theory]
    [InlineData("于2023年5月3日行CT", "2023年5月3日")]
    [InlineData("与2023-05-03片比较", "2023-05-03")]
    [InlineData("与2023/5/3片比较", "2023/5/3")]
    [InlineData("2021年11月起咳嗽", "2021年11月")]
    [InlineData("Compared with 03/14/2022.", "03/14/2022")]
    [InlineData("Compared with March 14, 2022.", "March 14, 2022")]
    [InlineData("Compared with 14-Mar-2022.", "14-Mar-2022")]
    [InlineData("Compared with 14 March 2022.", "14 March 2022")]
    public void Find_Date_IsDate(string text, string date) => AssertOnly(text, PhiType.Date, date);

    [Fact]
    public void Find_ImpossibleDate_IsNotADate() => Assert.Empty(Find("2023-02-30"));

    [Theory]
    [InlineData("住院号：ZY20230012 ", "ZY20230012")]
    [InlineData("门诊号 88812345", "88812345")]
    [InlineData("床号：12", "12")]
    [InlineData("MRN: 00123456", "00123456")]
    [InlineData("Accession #: RAD-2023-0042", "RAD-2023-0042")]
    public void Find_NumberAfterItsLabel_IsRecordNumber(string text, string value) => AssertOnly(text, PhiType.RecordNumber, value);

    [Theory]
    [InlineData("年龄：92岁", "92")]
    [InlineData("a 93-year-old woman", "93")]
    public void Find_AgeOver89_IsAge(string text, string value) => AssertOnly(text, PhiType.Age, value);

    [Theory]
    [InlineData("年龄：89岁")]
    [InlineData("an 89-year-old man")]
    public void Find_AgeUpTo89_IsNothing(string text) => Assert.Empty(Find(text));

    [Theory]
    [InlineData("姓名：张三  性别：男", "张三")]
    [InlineData("姓名：欧阳娜娜性别：女", "欧阳娜娜")]
    [InlineData("患者王小明，男，45岁", "王小明")]
    [InlineData("报告医师：李四", "李四")]
    [InlineData("危急值已通知刘洋医生", "刘洋")]
    [InlineData("Findings discussed with Dr. Whitaker at 14:30.", "Whitaker")]
    [InlineData("Signed by: Mary K. Johnson, MD", "Mary K. Johnson")]
    [InlineData("Patient Name: O'Brien, Grace", "O'Brien, Grace")]
    public void Find_NameInContext_IsName(string text, string name) => AssertOnly(text, PhiType.Name, name);

    [Theory]
    [InlineData("患者于外院行CT检查")]
    [InlineData("患者，女，咳嗽3天")]
    [InlineData("已通知临床医师")]
    [InlineData("The patient was seen by the radiologist.")]
    public void Find_NoNameAfterTheLabel_IsNothing(string text) => Assert.Empty(Find(text));

    [Fact]
    public void Find_NameFoundOnce_IsFoundAtEveryMention()
    {
        var spans = Find("姓名：张三\n检查所见：张三既往史不详。");
        Assert.Equal(2, spans.Count(s => s.Type == PhiType.Name && s.Text == "张三"));
    }

    [Fact]
    public void Find_StaffName_IsFoundWithoutALabel()
    {
        var detector = new PhiDetector(["周建国", "Hollis"]);
        var spans = detector.Find("由周建国复核。Reviewed with Hollis; Hollister is a place.");
        Assert.Equal(["周建国", "Hollis"], spans.Select(s => s.Text));
    }

    [Theory]
    [InlineData("住址：浙江省杭州市西湖区文三路123号 电话：13812345678", "浙江省杭州市西湖区文三路123号")]
    [InlineData("家住浙江省杭州市西湖区文三路12号，发热", "浙江省杭州市西湖区文三路12号")]
    [InlineData("lives at 42 Maple Street, Springfield, IL 62704.", "42 Maple Street, Springfield, IL 62704")]
    public void Find_Address_IsAddress(string text, string address)
    {
        var spans = Find(text);
        Assert.Contains(spans, s => s.Type == PhiType.Address && s.Text == address);
    }

    [Theory]
    [InlineData("患者曾在北京协和医院就诊", "北京协和医院")]
    [InlineData("浙江大学医学院附属第一医院放射科", "浙江大学医学院附属第一医院")]
    [InlineData("Prior study from Mercy General Hospital.", "Mercy General Hospital")]
    public void Find_Organisation_IsOrganisation(string text, string name) => AssertOnly(text, PhiType.Organisation, name);

    [Theory]
    [InlineData("建议上级医院进一步检查，我院复查")]
    [InlineData("Comparison: outside hospital CT.")]
    [InlineData("右肺上叶见结节，大小约8mm×6mm，CT值约45HU，L4/5椎间盘突出，BI-RADS 4类")]
    [InlineData("A 1.2 x 0.9 cm nodule, 3/4 of the lobe, T2 hyperintense, C5-6 disc.")]
    public void Find_MedicalTextAndGenericPlaces_IsNothing(string text) => Assert.Empty(Find(text));

    [Fact]
    public void Find_Email_IsOther() => AssertOnly("邮箱 zhang.san+rad@example-hospital.cn 已发送", PhiType.Other, "zhang.san+rad@example-hospital.cn");

    [Fact]
    public void Find_AfterAnAstralCharacter_CountsUtf16AndCodePointsApart()
    {
        const string text = "𠀀姓名：张三";
        var span = Assert.Single(Find(text));
        Assert.Equal((5, 7), (span.Start, span.End));
        Assert.Equal((4, 6), (span.CodePointStart, span.CodePointEnd));
        Assert.Equal("张三", text[span.Start..span.End]);
    }
}
