using System.Text;
using ReportLens.Core.Hl7;

namespace ReportLens.Core.Tests.Hl7;

public class OruMapperTests
{
    [Fact]
    public void Map_EnglishReport_TakesTextAndExamFields()
    {
        var report = Map(OruMessages.EnglishChest());

        Assert.Equal("FINDINGS:\nThe lungs are clear. No pleural effusion.\nIMPRESSION:\nNo acute cardiopulmonary disease.", report.Text);
        Assert.Equal("ACC-1001", report.AccessionNumber);
        Assert.Equal("CR", report.Modality);
        Assert.Equal("CHEST 2 VIEWS", report.BodyPart);
        Assert.Equal(new DateOnly(2026, 11, 20), report.ExamDate);
        Assert.Equal("F", report.ResultStatus);
        Assert.False(report.IsCorrection);
        Assert.Equal("MSG00001", report.Header.ControlId);
        Assert.Equal("2.5.1", report.Header.Version);
        Assert.Equal("RIS", report.Header.SendingApplication);
        Assert.Equal("UNICODE UTF-8", report.Header.Charset);
    }

    [Fact]
    public void Map_ChineseFormattedText_DecodesLineBreaks()
    {
        var report = Map(OruMessages.ChineseCt());

        Assert.Equal("双肺纹理增多。\n右肺上叶见一结节，大小约8mm×6mm。\n右肺上叶结节，建议随访。", report.Text);
        Assert.Equal("CT20261120001", report.AccessionNumber);
        Assert.Equal("CT", report.Modality);
        Assert.Equal("胸部CT平扫", report.BodyPart);
    }

    [Fact]
    public void Map_OnlyTextValueTypes_MakeTheReportInMessageOrder()
    {
        var report = Map(OruMessages.Segments(
            @"MSH|^~\&|RIS|H|RL|H|20261120||ORU^R01|C7|P|2.3.1",
            "OBR|1||A-7|CHEST|||20261120",
            "OBX|1|ST|A||first||||||F",
            "OBX|2|NM|SIZE||8|mm|||||F",
            "OBX|3|CE|DX||J18^Pneumonia^I10||||||F",
            "OBX|4|TX|B||second~third||||||F"));

        Assert.Equal("first\nsecond\nthird", report.Text);
        Assert.Equal("CHEST", report.BodyPart);
        Assert.Null(report.Modality);
    }

    [Fact]
    public void Map_CorrectedResult_IsACorrection()
    {
        var report = Map(OruMessages.EnglishChest(status: "C"));

        Assert.True(report.IsCorrection);
    }

    [Theory]
    [InlineData(AccessionSource.Obr3, "ACC-1001")]
    [InlineData(AccessionSource.Obr18, "RAD-18-X")]
    [InlineData(AccessionSource.Orc3, "ACC-1001")]
    public void Map_AccessionSource_ReadsTheConfiguredField(AccessionSource source, string expected)
    {
        var message = HeaderOf(OruMessages.EnglishChest());

        Assert.Equal(expected, OruMapper.Map(message, source).Report!.AccessionNumber);
    }

    [Theory]
    [InlineData("2.3.1")]
    [InlineData("2.4")]
    [InlineData("2.5")]
    [InlineData("2.5.1")]
    public void Map_SupportedVersions_AreAccepted(string version) =>
        Assert.Equal(version, Map(OruMessages.EnglishChest(version: version)).Header.Version);

    [Theory]
    [InlineData("2.2")]
    [InlineData("2.6")]
    [InlineData("")]
    public void Map_OtherVersions_AreRejectedWithCode203(string version)
    {
        var error = Fail(OruMessages.EnglishChest(version: version));

        Assert.Equal(AckCode.Reject, error.Ack);
        Assert.Equal(Hl7Error.UnsupportedVersion, error.Code);
        Assert.Equal("MSH^1^12", error.Location);
    }

    [Fact]
    public void Map_OtherMessageType_IsRejectedWithCode200()
    {
        var error = Fail(OruMessages.EnglishChest().Replace("ORU^R01^ORU_R01", "ADT^A01^ADT_A01"));

        Assert.Equal((AckCode.Reject, Hl7Error.UnsupportedMessageType), (error.Ack, error.Code));
    }

    [Fact]
    public void Map_OtherEvent_IsRejectedWithCode201()
    {
        var error = Fail(OruMessages.EnglishChest().Replace("ORU^R01^ORU_R01", "ORU^R30"));

        Assert.Equal((AckCode.Reject, Hl7Error.UnsupportedEventCode), (error.Ack, error.Code));
    }

    [Fact]
    public void Map_NoTextObservation_IsAnApplicationError()
    {
        var error = Fail(OruMessages.Segments(
            @"MSH|^~\&|RIS|H|RL|H|20261120||ORU^R01|C8|P|2.5.1",
            "OBR|1||A-8|CHEST",
            "OBX|1|NM|SIZE||8|mm|||||F"));

        Assert.Equal((AckCode.Error, Hl7Error.RequiredFieldMissing), (error.Ack, error.Code));
        Assert.Contains("no report text", error.Reason);
    }

    [Fact]
    public void Map_NoAccession_IsAnApplicationErrorNamingTheField()
    {
        var error = Fail(OruMessages.EnglishChest(accession: ""));

        Assert.Equal(AckCode.Error, error.Ack);
        Assert.Equal("OBR^1^3", error.Location);
    }

    [Fact]
    public void Map_NoControlId_IsRejected()
    {
        var error = Fail(OruMessages.EnglishChest(controlId: ""));

        Assert.Equal("MSH^1^10", error.Location);
    }

    private static OruReport Map(string text)
    {
        var result = OruMapper.Map(HeaderOf(text));
        Assert.Null(result.Error);
        return result.Report!;
    }

    private static Hl7Error Fail(string text) => OruMapper.Map(HeaderOf(text)).Error ?? throw new InvalidOperationException("the message was accepted");

    private static Hl7Message HeaderOf(string text) => Hl7MessageTests.Parse(Encoding.UTF8.GetBytes(text));
}
