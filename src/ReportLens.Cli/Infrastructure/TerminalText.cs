using System.Globalization;
using System.Text;

namespace ReportLens.Cli.Infrastructure;

/// <summary>
/// Text from the database or a server (usernames, problem details, file names) shown on a terminal: control
/// characters (C0, DEL, C1 — ESC starts terminal escape sequences) are shown as \u001b instead of being obeyed.
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            return text ?? "";
        }

        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = char.IsControl(c) && c is not '\n' and not '\t'
                ? safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")
                : safe.Append(c);
        }

        return safe.ToString();
    }
}
