namespace ReportLens.Core.Hl7;

/// <summary>
/// Messages from a file as people keep them: one or more messages, each starting with "MSH", segments ending in
/// CR, LF or CRLF. Each comes back with CR segment terminators, as the wire wants them.
/// </summary>
public static class Hl7File
{
    public static IReadOnlyList<byte[]> Split(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var messages = new List<byte[]>();
        var current = new List<byte>();
        foreach (var line in Lines(bytes))
        {
            if (line.AsSpan().StartsWith("MSH"u8) && current.Count > 0)
            {
                messages.Add([.. current]);
                current.Clear();
            }

            current.AddRange(line);
            current.Add((byte)'\r');
        }

        if (current.Count > 0)
        {
            messages.Add([.. current]);
        }

        return messages;
    }

    private static List<byte[]> Lines(ReadOnlySpan<byte> bytes)
    {
        var lines = new List<byte[]>();
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            var line = end < 0 ? bytes : bytes[..end];
            if (!line.Trim((byte)' ').IsEmpty)
            {
                lines.Add(line.ToArray());
            }

            bytes = end < 0 ? [] : bytes[(end + 1)..];
        }

        return lines;
    }
}
