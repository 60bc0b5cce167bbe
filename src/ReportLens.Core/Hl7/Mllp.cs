namespace ReportLens.Core.Hl7;

/// <summary>
/// The Minimal Lower Layer Protocol frame (HL7 v2 Appendix C): 0x0B, the message, 0x1C 0x0D. Bytes outside a
/// frame are not a message.
/// </summary>
public static class Mllp
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[message.Length + 3];
        frame[0] = StartBlock;
        message.CopyTo(frame.AsSpan(1));
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        return frame;
    }
}
