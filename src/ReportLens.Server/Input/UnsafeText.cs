namespace ReportLens.Server.Input;

/// <summary>
/// The one rule for characters no field may hold: C0 control characters other than tab, line feed and carriage
/// return, DEL, and unpaired UTF-16 surrogates. PostgreSQL text cannot store NUL and the driver refuses invalid
/// UTF-16, so without this rule the same input would be stored on SQLite and fail with a 500 on PostgreSQL.
/// </summary>
public static class UnsafeText
{
    /// <summary>A description of the first forbidden character ("U+0000 at position 3"), or null when the text is clean.</summary>
    public static string? Describe(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c))
            {
                return $"U+{(int)c:X4} at position {i + 1}";
            }
        }

        return null;
    }

    public static bool IsClean(string? text) => Describe(text) is null;

    /// <summary>The message every door shows for a rejected field.</summary>
    public static string Message(string where) =>
        $"contains a control character or invalid UTF-16 ({where}); only tab, line feed and carriage return are allowed";

    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007f' || char.IsSurrogate(c);
}
