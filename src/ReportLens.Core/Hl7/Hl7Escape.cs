using System.Globalization;
using System.Text;

namespace ReportLens.Core.Hl7;

/// <summary>
/// HL7 escape sequences (v2.x chapter 2): \F\ \S\ \T\ \R\ \E\ stand for the delimiters, \.br\ is a line break
/// (\.sp n\ n of them), \Xhh…\ hexadecimal bytes in the message's character set. Highlighting (\H\ \N\) and other
/// formatting commands are dropped; anything unrecognised is kept as written.
/// </summary>
public static class Hl7Escape
{
    public static string Decode(string value, Hl7Delimiters delimiters, Encoding? encoding = null)
    {
        if (value.IndexOf(delimiters.Escape) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var end = value[i] == delimiters.Escape ? value.IndexOf(delimiters.Escape, i + 1) : -1;
            if (end < 0)
            {
                text.Append(value[i++]);
                continue;
            }

            var sequence = value[(i + 1)..end];
            if (Expand(sequence, delimiters, encoding ?? Encoding.UTF8) is { } expanded)
            {
                text.Append(expanded);
                i = end + 1;
            }
            else
            {
                text.Append(value[i++]);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes text so that it survives as one field value: delimiters escaped, line breaks as \.br\.</summary>
    public static string Encode(string value, Hl7Delimiters delimiters)
    {
        var text = new StringBuilder(value.Length);
        var e = delimiters.Escape;
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            text.Append(c switch
            {
                _ when c == e => $"{e}E{e}",
                _ when c == delimiters.Field => $"{e}F{e}",
                _ when c == delimiters.Component => $"{e}S{e}",
                _ when c == delimiters.Subcomponent => $"{e}T{e}",
                _ when c == delimiters.Repetition => $"{e}R{e}",
                '\n' or '\r' => $"{e}.br{e}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    private static string? Expand(string sequence, Hl7Delimiters delimiters, Encoding encoding) => sequence switch
    {
        "F" => delimiters.Field.ToString(),
        "S" => delimiters.Component.ToString(),
        "T" => delimiters.Subcomponent.ToString(),
        "R" => delimiters.Repetition.ToString(),
        "E" => delimiters.Escape.ToString(),
        ".br" => "\n",
        "H" or "N" or ".fi" or ".nf" => "",
        _ when sequence.StartsWith(".sp", StringComparison.Ordinal) => new string('\n', LineCount(sequence[3..])),
        _ when sequence.StartsWith(".in", StringComparison.Ordinal) || sequence.StartsWith(".ti", StringComparison.Ordinal) => "",
        ['X', .. var hex] => Hex(hex, encoding),
        _ => null,
    };

    private static int LineCount(string argument) =>
        int.TryParse(argument.Trim().TrimStart('+'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 100) : 1;

    private static string? Hex(string hex, Encoding encoding)
    {
        if (hex.Length == 0 || hex.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return encoding.GetString(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
