namespace ReportLens.Data.Entities;

/// <summary>
/// An HL7 message that was stored, keyed by its control id (MSH-10) and accession number, with the ACK it was
/// answered: a resent message gets the same ACK again and stores nothing new.
/// </summary>
public sealed class ReceivedHl7Message
{
    public long Id { get; set; }
    public required string ControlId { get; set; }
    public required string AccessionNumber { get; set; }
    public string? SendingApplication { get; set; }
    public int? ReportId { get; set; }
    /// <summary>The whole acknowledgment as it was sent (HL7 text, no report content).</summary>
    public required string Ack { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
