using System.Globalization;
using System.Text;
using ReportLens.Core.Deidentification;

namespace ReportLens.Core.Tests.Deidentification;

/// <summary>Surrogates: typed, consistent within a report and (with a key) across reports; dates shifted keeping intervals.</summary>
public sealed class DeidentifierTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a test key of at least 16 bytes");

    private const string Report =
        "姓名：张三  性别：男  住院号：ZY20230012\n联系电话：138-1234-5678\n检查日期：2023-05-03\n" +
        "检查所见：右肺上叶见结节，大小约8mm×6mm，与2023-04-23片比较无变化。\n危急值已通知张三家属，电话13812345678。\n报告医师：李四  审核医师：王五";

    [Fact]
    public void Deidentify_Placeholders_AreTypedNumberedAndConsistentWithinTheReport()
    {
        var result = new Deidentifier().Deidentify(Report);

        Assert.Contains("姓名：[姓名1]", result.Text, StringComparison.Ordinal);
        Assert.Contains("通知[姓名1]家属", result.Text, StringComparison.Ordinal);
        Assert.Contains("报告医师：[姓名2]  审核医师：[姓名3]", result.Text, StringComparison.Ordinal);
        Assert.Contains("联系电话：[电话1]", result.Text, StringComparison.Ordinal);
        Assert.Contains("电话[电话1]。", result.Text, StringComparison.Ordinal);
        Assert.Contains("住院号：[编号1]", result.Text, StringComparison.Ordinal);
        Assert.Contains("大小约8mm×6mm", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5678", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deidentify_EnglishReport_UsesEnglishPlaceholders()
    {
        var result = new Deidentifier().Deidentify("Patient Name: Smith, John\nMRN: 00123456\nFindings discussed with Dr. Whitaker.");
        Assert.Equal("Patient Name: [NAME-1]\nMRN: [RECORD-1]\nFindings discussed with Dr. [NAME-2].", result.Text);
    }

    [Fact]
    public void Deidentify_Dates_ShiftByOneOffsetKeepingIntervalsAndForm()
    {
        var result = new Deidentifier(new DeidOptions { Key = Key }).Deidentify(Report);
        var dates = result.Replacements.Where(r => r.Original.Type == PhiType.Date).ToList();

        Assert.Equal(2, dates.Count);
        Assert.NotEqual(0, result.DateShiftDays);
        foreach (var date in dates)
        {
            var original = DateOnly.ParseExact(date.Original.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var shifted = DateOnly.ParseExact(date.Surrogate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(result.DateShiftDays, shifted.DayNumber - original.DayNumber);
        }
    }

    [Theory]
    [InlineData("2023年5月3日", 30, "2023年6月2日")]
    [InlineData("2023年05月03日", -3, "2023年04月30日")]
    [InlineData("March 3, 2023", 31, "April 3, 2023")]
    [InlineData("03-Mar-2023", 365, "02-Mar-2024")]
    [InlineData("3/14/2023", 1, "3/15/2023")]
    public void Deidentify_DateForm_IsKeptWhenShifted(string date, int days, string expected)
    {
        var spans = PhiDetector.Default.Find(date);
        Assert.Equal(PhiType.Date, Assert.Single(spans).Type);
        Assert.Equal(expected, Core.Deidentification.Surrogates.DateShifter.Shift(date, days));
    }

    [Fact]
    public void Deidentify_SameKey_GivesTheSameSurrogatesAcrossReportsAndRuns()
    {
        var options = new DeidOptions { Key = Key, Mode = SurrogateMode.Realistic };
        var first = new Deidentifier(options).Deidentify("姓名：张三 住院号：ZY20230012 检查日期：2023-05-03", patientId: "p1");
        var second = new Deidentifier(options).Deidentify("报告医师：张三\n住院号：ZY20230012\n复查日期：2023-05-03", patientId: "p1");
        var other = new Deidentifier(options with { Key = Encoding.UTF8.GetBytes("another key of sixteen bytes") })
            .Deidentify("姓名：张三 住院号：ZY20230012 检查日期：2023-05-03", patientId: "p1");

        string Surrogate(DeidResult r, PhiType type) => r.Replacements.First(x => x.Original.Type == type).Surrogate;
        foreach (var type in new[] { PhiType.Name, PhiType.RecordNumber, PhiType.Date })
        {
            Assert.Equal(Surrogate(first, type), Surrogate(second, type));
        }

        Assert.NotEqual("张三", Surrogate(first, PhiType.Name));
        Assert.NotEqual(Surrogate(first, PhiType.RecordNumber), Surrogate(other, PhiType.RecordNumber));
        Assert.Matches("^ZY[0-9]{8}$", Surrogate(first, PhiType.RecordNumber));
    }

    [Fact]
    public void Deidentify_KeyedPlaceholders_CarryAKeyedTag()
    {
        var options = new DeidOptions { Key = Key };
        var first = new Deidentifier(options).Deidentify("姓名：张三");
        var second = new Deidentifier(options).Deidentify("审核医师：李四  报告医师：张三");
        Assert.Matches(@"^姓名：\[姓名-[0-9A-F]{6}\]$", first.Text);
        Assert.EndsWith(first.Text[3..], second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deidentify_RealisticResidentId_IsValidWithTheShiftedBirthDate()
    {
        var result = new Deidentifier(new DeidOptions { Key = Key, Mode = SurrogateMode.Realistic }).Deidentify("身份证号：11010519491231002X");
        var surrogate = Assert.Single(result.Replacements).Surrogate;
        Assert.Equal(PhiType.IdNumber, Assert.Single(PhiDetector.Default.Find($"号 {surrogate} 号")).Type);
        var birth = DateOnly.ParseExact(surrogate.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Equal(new DateOnly(1949, 12, 31).AddDays(result.DateShiftDays), birth);
    }

    [Fact]
    public void Deidentify_AgeOver89_Becomes90Plus()
    {
        var result = new Deidentifier().Deidentify("年龄：93岁");
        Assert.Equal("年龄：90+岁", result.Text);
    }
}
