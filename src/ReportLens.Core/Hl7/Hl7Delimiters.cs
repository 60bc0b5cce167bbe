namespace ReportLens.Core.Hl7;

/// <summary>The separators a message declares in MSH-1 and MSH-2 (usually <c>|^~\&amp;</c>); segments end with a carriage return.</summary>
public sealed record Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    public const char SegmentTerminator = '\r';

    public static Hl7Delimiters Standard { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as this message would write it.</summary>
    public string EncodingCharacters => $"{Component}{Repetition}{Escape}{Subcomponent}";

    /// <summary>The delimiters of a message starting "MSH" + MSH-1 + MSH-2; null when the header cannot declare them.</summary>
    public static Hl7Delimiters? FromHeader(string message)
    {
        if (message.Length < 8 || !message.StartsWith("MSH", StringComparison.Ordinal))
        {
            return null;
        }

        var field = message[3];
        var encoding = message[4..8];
        char[] all = [field, .. encoding];
        if (all.Any(c => char.IsLetterOrDigit(c) || c == SegmentTerminator || c == '\n') || all.Distinct().Count() != all.Length)
        {
            return null;
        }

        return new Hl7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3]);
    }
}
