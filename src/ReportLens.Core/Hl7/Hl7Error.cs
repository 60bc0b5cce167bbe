namespace ReportLens.Core.Hl7;

/// <summary>
/// Why a message is not stored: the acknowledgment it gets (AE or AR), the HL7 error code (table 0357), where
/// (segment^sequence^field, may be empty) and a reason in words that quotes no report text.
/// </summary>
public sealed record Hl7Error(AckCode Ack, int Code, string Location, string Reason)
{
    public const int RequiredFieldMissing = 101;
    public const int DataTypeError = 102;
    public const int UnsupportedMessageType = 200;
    public const int UnsupportedEventCode = 201;
    public const int UnsupportedVersion = 203;
    public const int InternalError = 207;
    public const int SegmentSequenceError = 100;

    /// <summary>Table 0357's words for the code (ERR-3.2).</summary>
    public string CodeText => Code switch
    {
        SegmentSequenceError => "Segment sequence error",
        RequiredFieldMissing => "Required field missing",
        DataTypeError => "Data type error",
        UnsupportedMessageType => "Unsupported message type",
        UnsupportedEventCode => "Unsupported event code",
        UnsupportedVersion => "Unsupported version id",
        _ => "Application internal error",
    };

    public static Hl7Error NoHeader() =>
        new(AckCode.Reject, SegmentSequenceError, "MSH^1", "the message does not start with an MSH segment declaring its delimiters");

    public static Hl7Error BadSegment(int sequence) =>
        new(AckCode.Reject, SegmentSequenceError, $"^{sequence}", $"segment {sequence} has no valid three-character name");

    public static Hl7Error UnsupportedCharset(string charset) =>
        new(AckCode.Reject, DataTypeError, "MSH^1^18", $"character set '{charset}' (MSH-18) is not supported; send UNICODE UTF-8 or GB 18030");

    public static Hl7Error BadBytes(string charset) =>
        new(AckCode.Reject, DataTypeError, "MSH^1^18", $"the message is not valid {(charset.Length == 0 ? "UTF-8" : charset)} (MSH-18)");

    public static Hl7Error Framing(string reason) => new(AckCode.Reject, SegmentSequenceError, "", reason);

    public static Hl7Error TooLarge(int limit) =>
        new(AckCode.Reject, InternalError, "", $"the message is larger than {limit} bytes");

    public static Hl7Error Internal() => new(AckCode.Error, InternalError, "", "the message could not be stored; send it again later");
}
