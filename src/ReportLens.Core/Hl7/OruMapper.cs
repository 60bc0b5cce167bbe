using System.Globalization;
using ReportLens.Core.Interop;

namespace ReportLens.Core.Hl7;

/// <summary>
/// Maps an ORU^R01 (v2.3.1 to 2.5.1, the IHE RAD-28/RAD-128 shape) onto a report: the first OBR names the exam,
/// every OBX of value type TX, FT or ST gives a line of text (repetitions one line each), in message order.
/// </summary>
public static class OruMapper
{
    public static readonly IReadOnlyList<string> SupportedVersions = ["2.3.1", "2.4", "2.5", "2.5.1"];
    private static readonly string[] TextTypes = ["TX", "FT", "ST"];

    public static OruResult Map(Hl7Message message, AccessionSource accessionSource = AccessionSource.Obr3)
    {
        var header = Hl7Header.Read(message);
        if (Check(header) is { } refused)
        {
            return OruResult.Fail(header, refused);
        }

        if (message.First("OBR") is not { } obr)
        {
            return OruResult.Fail(header, new Hl7Error(AckCode.Error, Hl7Error.SegmentSequenceError, "OBR", "the message has no OBR segment"));
        }

        var (accession, location) = Accession(message, obr, accessionSource);
        if (accession is null)
        {
            return OruResult.Fail(header, new Hl7Error(AckCode.Error, Hl7Error.RequiredFieldMissing, location, $"no accession number in {location.Replace('^', '-')}"));
        }

        if (accession.Length > ReportValidation.MaxAccessionLength)
        {
            return OruResult.Fail(header, new Hl7Error(AckCode.Error, Hl7Error.DataTypeError, location, $"the accession number is longer than {ReportValidation.MaxAccessionLength} characters"));
        }

        var lines = message.All("OBX").Where(o => TextTypes.Contains(o.Value(2))).SelectMany(o => o.Texts(5)).ToList();
        var text = string.Join('\n', lines).Trim();
        if (text.Length == 0)
        {
            return OruResult.Fail(header, new Hl7Error(AckCode.Error, Hl7Error.RequiredFieldMissing, "OBX^1^5", "the message has no report text (OBX of value type TX, FT or ST)"));
        }

        if (text.Length > ReportValidation.MaxTextLength)
        {
            return OruResult.Fail(header, new Hl7Error(AckCode.Error, Hl7Error.DataTypeError, "OBX^1^5", $"the report text is longer than {ReportValidation.MaxTextLength} characters"));
        }

        return OruResult.Ok(new OruReport(header, accession, text, Code(obr.Value(24)), Code(obr.Value(4, 2) ?? obr.Value(4)),
            Date(obr.Value(7)), obr.Value(25)?.ToUpperInvariant()));
    }

    private static Hl7Error? Check(Hl7Header header)
    {
        if (header.MessageType != "ORU")
        {
            return new Hl7Error(AckCode.Reject, Hl7Error.UnsupportedMessageType, "MSH^1^9", $"message type '{header.MessageType}' is not accepted; send ORU^R01");
        }

        if (header.TriggerEvent != "R01")
        {
            return new Hl7Error(AckCode.Reject, Hl7Error.UnsupportedEventCode, "MSH^1^9^2", $"event '{header.TriggerEvent}' is not accepted; send ORU^R01");
        }

        if (header.Version is not { } version || !SupportedVersions.Contains(version))
        {
            return new Hl7Error(AckCode.Reject, Hl7Error.UnsupportedVersion, "MSH^1^12", $"version '{header.Version}' is not supported; send one of {string.Join(", ", SupportedVersions)}");
        }

        return header.ControlId is null
            ? new Hl7Error(AckCode.Reject, Hl7Error.RequiredFieldMissing, "MSH^1^10", "the message has no control id (MSH-10)")
            : null;
    }

    private static (string? Value, string Location) Accession(Hl7Message message, Hl7Segment obr, AccessionSource source) => source switch
    {
        AccessionSource.Obr18 => (obr.Value(18), "OBR^1^18"),
        AccessionSource.Orc3 => (message.First("ORC")?.Value(3), "ORC^1^3"),
        _ => (obr.Value(3), "OBR^1^3"),
    };

    /// <summary>A code longer than the stored column is cut rather than costing the report.</summary>
    private static string? Code(string? value) =>
        value is null ? null : value.Length <= ReportValidation.MaxCodeLength ? value : value[..ReportValidation.MaxCodeLength].TrimEnd();

    /// <summary>TS/DTM: YYYY[MM[DD[HH…]]]; the date part when it has at least a day.</summary>
    private static DateOnly? Date(string? timestamp) =>
        timestamp is { Length: >= 8 } && DateOnly.TryParseExact(timestamp[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
