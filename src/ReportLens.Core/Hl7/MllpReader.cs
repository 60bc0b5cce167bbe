namespace ReportLens.Core.Hl7;

/// <summary>
/// Reads MLLP frames from a stream. Bytes outside a frame (a message sent without its start byte, say) come back
/// as one <see cref="MllpFrameKind.BadFraming"/> per burst, so the caller can answer it and keep reading; a frame
/// interrupted by a new start byte is bad framing too; line breaks between frames are ignored.
/// </summary>
public sealed class MllpReader(Stream stream, int maxMessageBytes)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _position;
    private int _length;

    /// <summary>The next frame, or null when the peer closed the connection (a frame cut off by the close is dropped).</summary>
    public async Task<MllpFrame?> ReadAsync(CancellationToken ct)
    {
        var stray = new List<byte>();
        while (true)
        {
            if (_position == _length)
            {
                if (stray.Count > 0)
                {
                    return Bad(stray, "bytes outside an MLLP frame (a frame starts with 0x0B and ends with 0x1C 0x0D)");
                }

                if (!await FillAsync(ct))
                {
                    return null;
                }
            }

            var b = _buffer[_position++];
            if (b == Mllp.StartBlock)
            {
                if (stray.Count > 0)
                {
                    _position--;
                    return Bad(stray, "bytes outside an MLLP frame (a frame starts with 0x0B and ends with 0x1C 0x0D)");
                }

                return await ReadBodyAsync(ct);
            }

            if (b == Mllp.EndBlock && stray.Count > 0)
            {
                return Bad(stray, "a frame without its start byte 0x0B");
            }

            if (stray.Count > 0 || b is not (Mllp.CarriageReturn or (byte)'\n' or (byte)' ' or Mllp.EndBlock))
            {
                Keep(stray, [b]);
            }
        }
    }

    private async Task<MllpFrame?> ReadBodyAsync(CancellationToken ct)
    {
        var body = new List<byte>();
        long size = 0;
        while (true)
        {
            if (_position == _length && !await FillAsync(ct))
            {
                return null;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(Mllp.EndBlock, Mllp.StartBlock);
            var chunk = stop < 0 ? span : span[..stop];
            Keep(body, chunk);
            size += chunk.Length;
            _position += chunk.Length;
            if (stop < 0)
            {
                continue;
            }

            if (_buffer[_position] == Mllp.StartBlock)
            {
                return Bad(body, "a new frame began before this one ended (0x1C 0x0D missing)");
            }

            _position++;
            return size > maxMessageBytes
                ? new MllpFrame(MllpFrameKind.TooLarge, [.. body], $"the message is larger than {maxMessageBytes} bytes")
                : new MllpFrame(MllpFrameKind.Message, [.. body]);
        }
    }

    /// <summary>Keeps at most the size limit: enough to read the header of an oversized message, never unbounded memory.</summary>
    private void Keep(List<byte> bytes, ReadOnlySpan<byte> chunk)
    {
        var room = maxMessageBytes - bytes.Count;
        if (room > 0)
        {
            bytes.AddRange(chunk[..Math.Min(room, chunk.Length)]);
        }
    }

    private static MllpFrame Bad(List<byte> bytes, string problem) => new(MllpFrameKind.BadFraming, [.. bytes], problem);

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        _position = 0;
        _length = await stream.ReadAsync(_buffer, ct);
        return _length > 0;
    }
}
