using System.Text;
using ReportLens.Core.Hl7;

namespace ReportLens.Core.Tests.Hl7;

public class Hl7AckTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 30, 5, TimeSpan.Zero);

    [Fact]
    public void Build_Accepted_AnswersAaToTheSenderWithItsControlId()
    {
        var ack = Parse(Hl7Ack.Build(HeaderOf(OruMessages.EnglishChest()), null, "ACK-1", At));

        Assert.Equal("ReportLens", ack.Header.Value(3));
        Assert.Equal("GENHOSP", ack.Header.Value(4));
        Assert.Equal("RIS", ack.Header.Value(5));
        Assert.Equal("GENHOSP", ack.Header.Value(6));
        Assert.Equal("20261120083005+0000", ack.Header.Value(7));
        Assert.Equal("ACK", ack.Header.Value(9));
        Assert.Equal("ACK-1", ack.Header.Value(10));
        Assert.Equal("2.5.1", ack.Header.Value(12));
        Assert.Equal("UNICODE UTF-8", ack.Header.Value(18));
        Assert.Equal("AA", ack.First("MSA")!.Value(1));
        Assert.Equal("MSG00001", ack.First("MSA")!.Value(2));
        Assert.Null(ack.First("ERR"));
    }

    [Fact]
    public void Build_ErrorIn251_HasErrWithCodeLocationAndEscapedReason()
    {
        var error = new Hl7Error(AckCode.Error, Hl7Error.RequiredFieldMissing, "OBX^1^5", "no text | none");

        var ack = Parse(Hl7Ack.Build(HeaderOf(OruMessages.EnglishChest()), error, "ACK-2", At));

        Assert.Equal("AE", ack.First("MSA")!.Value(1));
        Assert.Equal("no text | none", ack.First("MSA")!.Value(3));
        var err = ack.First("ERR")!;
        Assert.Equal(("OBX", "1", "5"), (err.Value(2), err.Value(2, 2), err.Value(2, 3)));
        Assert.Equal(("101", "Required field missing", "HL70357"), (err.Value(3), err.Value(3, 2), err.Value(3, 3)));
        Assert.Equal("E", err.Value(4));
        Assert.Equal("no text | none", err.Value(8));
    }

    [Fact]
    public void Build_RejectIn231_UsesErr1()
    {
        var header = HeaderOf(OruMessages.EnglishChest(version: "2.3.1"));
        var error = new Hl7Error(AckCode.Reject, Hl7Error.UnsupportedMessageType, "MSH^1^9", "no");

        var ack = Parse(Hl7Ack.Build(header, error, "ACK-3", At));

        Assert.Equal("AR", ack.First("MSA")!.Value(1));
        Assert.Equal("2.3.1", ack.Header.Value(12));
        Assert.Equal("MSH^1^9^200&Unsupported message type&HL70357", ack.First("ERR")!.Raw(1));
    }

    [Fact]
    public void Build_UnreadableMessage_StillAnswersAr()
    {
        var ack = Parse(Hl7Ack.Build(Hl7Header.Unknown, Hl7Error.Framing("bytes outside a frame"), "ACK-4", At));

        Assert.Equal("AR", ack.First("MSA")!.Value(1));
        Assert.Null(ack.First("MSA")!.Value(2));
        Assert.Equal("2.5.1", ack.Header.Value(12));
    }

    private static Hl7Header HeaderOf(string text) => Hl7Header.Read(Hl7MessageTests.Parse(Encoding.UTF8.GetBytes(text)));

    private static Hl7Message Parse(string ack) => Hl7MessageTests.Parse(Encoding.UTF8.GetBytes(ack));
}
