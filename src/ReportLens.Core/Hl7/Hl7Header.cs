namespace ReportLens.Core.Hl7;

/// <summary>What an acknowledgment needs from the incoming MSH: who sent it, its control id, version and character set.</summary>
public sealed record Hl7Header(
    string? SendingApplication,
    string? SendingFacility,
    string? ReceivingApplication,
    string? ReceivingFacility,
    string? ControlId,
    string? ProcessingId,
    string? Version,
    string? MessageType,
    string? TriggerEvent,
    string? Charset)
{
    public static Hl7Header Unknown { get; } = new(null, null, null, null, null, null, null, null, null, null);

    public static Hl7Header Read(Hl7Message message)
    {
        var msh = message.Header;
        return new Hl7Header(msh.Value(3), msh.Value(4), msh.Value(5), msh.Value(6), msh.Value(10), msh.Value(11),
            msh.Value(12), msh.Value(9), msh.Value(9, 2), msh.Value(18));
    }
}
