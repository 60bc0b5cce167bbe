namespace ReportLens.Core.Hl7;

/// <summary>MSA-1 (table 0008), original acknowledgment mode.</summary>
public enum AckCode
{
    /// <summary>AA: accepted and stored.</summary>
    Accept,
    /// <summary>AE: read, but its content cannot be stored (no report text, no accession number…).</summary>
    Error,
    /// <summary>AR: refused before its content was looked at (framing, message type, version, size, character set).</summary>
    Reject,
}
