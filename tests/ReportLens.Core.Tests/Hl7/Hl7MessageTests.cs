using System.Text;
using ReportLens.Core.Hl7;

namespace ReportLens.Core.Tests.Hl7;

public class Hl7MessageTests
{
    [Fact]
    public void Parse_EnglishOru_ReadsSegmentsAndHeaderFields()
    {
        var message = Parse(Encoding.UTF8.GetBytes(OruMessages.EnglishChest()));

        Assert.Equal(["MSH", "PID", "PV1", "ORC", "OBR", "OBX", "OBX"], message.Segments.Select(s => s.Name));
        Assert.Equal("|", message.Header.Value(1));
        Assert.Equal("^~\\&", message.Header.Value(2));
        Assert.Equal("RIS", message.Header.Value(3));
        Assert.Equal("ORU", message.Header.Value(9));
        Assert.Equal("ORU_R01", message.Header.Value(9, 3));
        Assert.Equal("MSG00001", message.Header.Value(10));
        Assert.Equal("Example", message.First("PID")!.Value(5));
        Assert.Equal("Pat", message.First("PID")!.Value(5, 2));
        Assert.Null(message.First("PID")!.Value(40));
    }

    [Fact]
    public void Parse_DelimitersFromMsh1AndMsh2_AreHonoured()
    {
        var text = OruMessages.Segments(
            "MSH#$*!@#RIS#H#RL#H#20261120##ORU$R01#C1#P#2.4",
            "OBR#1##A-9#X$CHEST PA$L",
            "OBX#1#TX#T##first line*second !F! line with !S! and !E!");

        var message = Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal("R01", message.Header.Value(9, 2));
        Assert.Equal("CHEST PA", message.First("OBR")!.Value(4, 2));
        Assert.Equal(["first line", "second # line with $ and !"], message.First("OBX")!.Texts(5));
    }

    [Fact]
    public void Parse_LineFeedTerminatorsAndByteOrderMark_AreAccepted()
    {
        var text = "\uFEFF" + OruMessages.EnglishChest().Replace('\r', '\n');

        var message = Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(7, message.Segments.Count);
    }

    [Fact]
    public void Parse_Gb18030Bytes_AreDecodedInTheCharsetMsh18Names()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var bytes = gb18030.GetBytes(OruMessages.ChineseCt(charset: "GB 18030-2000"));

        var message = Parse(bytes);

        Assert.Equal("市人民医院", message.Header.Value(4));
        Assert.Equal("胸部CT平扫", message.First("OBR")!.Value(4, 2));
    }

    [Fact]
    public void Parse_Gb18030BytesDeclaredAsUtf8_IsRejectedNotMisread()
    {
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var bytes = gb18030.GetBytes(OruMessages.ChineseCt(charset: "UNICODE UTF-8"));

        var result = Hl7Message.Parse(bytes);

        Assert.Equal(AckCode.Reject, result.Error?.Ack);
        Assert.Contains("not valid UNICODE UTF-8", result.Error!.Reason);
    }

    [Fact]
    public void Parse_UnknownCharset_IsRejectedWithMsh18()
    {
        var result = Hl7Message.Parse(Encoding.ASCII.GetBytes(OruMessages.EnglishChest().Replace("UNICODE UTF-8", "ISO IR87")));

        Assert.Equal("MSH^1^18", result.Error?.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PID|1||X")]
    [InlineData("MSH|^~")]
    [InlineData("MSH|^^\\&|RIS")]
    public void Parse_TextWithoutAValidHeader_IsRejected(string text)
    {
        var result = Hl7Message.Parse(Encoding.ASCII.GetBytes(text));

        Assert.Equal(AckCode.Reject, result.Error?.Ack);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Parse_SegmentWithoutAName_IsRejectedWithItsPosition()
    {
        var result = Hl7Message.Parse(Encoding.ASCII.GetBytes(OruMessages.Segments("MSH|^~\\&|RIS", "PID|1", "just some text")));

        Assert.Equal("^3", result.Error?.Location);
    }

    internal static Hl7Message Parse(byte[] bytes)
    {
        var result = Hl7Message.Parse(bytes);
        Assert.Null(result.Error);
        return result.Message!;
    }
}
