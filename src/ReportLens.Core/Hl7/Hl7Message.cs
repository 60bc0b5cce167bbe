using System.Text;

namespace ReportLens.Core.Hl7;

/// <summary>A parsed HL7 v2 message: its delimiters, its character set and its segments in order.</summary>
public sealed class Hl7Message
{
    private Hl7Message(Hl7Delimiters delimiters, Encoding encoding, IReadOnlyList<Hl7Segment> segments)
    {
        Delimiters = delimiters;
        Encoding = encoding;
        Segments = segments;
    }

    public Hl7Delimiters Delimiters { get; }

    /// <summary>The character set MSH-18 named (UTF-8 when it named none).</summary>
    public Encoding Encoding { get; }

    public IReadOnlyList<Hl7Segment> Segments { get; }

    public Hl7Segment Header => Segments[0];

    public Hl7Segment? First(string name) => Segments.FirstOrDefault(s => s.Name == name);

    public IEnumerable<Hl7Segment> All(string name) => Segments.Where(s => s.Name == name);

    /// <summary>
    /// Reads a message from its bytes: the header is read first (it is ASCII in every character set we accept) to
    /// find MSH-18, then the whole message is decoded in that character set.
    /// </summary>
    public static Hl7ParseResult Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var headerEnd = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var header = Encoding.Latin1.GetString(headerEnd < 0 ? bytes : bytes[..headerEnd]);
        var probe = Parse(header, Hl7Charsets.Utf8);
        if (probe.Message is not { } headerOnly)
        {
            return probe;
        }

        var charset = headerOnly.Header.Repetitions(18)[0].Split(headerOnly.Delimiters.Component)[0];
        if (Hl7Charsets.Resolve(charset) is not { } encoding)
        {
            return Hl7ParseResult.Fail(Hl7Error.UnsupportedCharset(charset));
        }

        try
        {
            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            return Parse(strict.GetString(bytes), encoding);
        }
        catch (DecoderFallbackException)
        {
            return Hl7ParseResult.Fail(Hl7Error.BadBytes(charset));
        }
    }

    /// <summary>Parses decoded text; segments may end in CR, LF or CRLF (files edited by hand use LF).</summary>
    public static Hl7ParseResult Parse(string text, Encoding encoding)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (Hl7Delimiters.FromHeader(trimmed) is not { } delimiters)
        {
            return Hl7ParseResult.Fail(Hl7Error.NoHeader());
        }

        var segments = new List<Hl7Segment>();
        foreach (var line in trimmed.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(delimiters.Field);
            var name = fields[0].Trim();
            if (name.Length != 3 || !name.All(char.IsAsciiLetterOrDigit))
            {
                return Hl7ParseResult.Fail(Hl7Error.BadSegment(segments.Count + 1));
            }

            segments.Add(new Hl7Segment(name, fields, delimiters, encoding));
        }

        return Hl7ParseResult.Ok(new Hl7Message(delimiters, encoding, segments));
    }
}
