namespace ReportLens.Core.Hl7;

/// <summary>
/// What came off the wire: a framed message, bytes that were not a proper frame, or a frame over the size limit
/// (its first bytes kept, so the acknowledgment can still name the message).
/// </summary>
public sealed record MllpFrame(MllpFrameKind Kind, byte[] Bytes, string? Problem = null);
