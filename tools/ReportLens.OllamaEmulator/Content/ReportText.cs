namespace ReportLens.OllamaEmulator.Content;

/// <summary>Finds the report inside a prompt: the text between a line "&lt;report&gt;" and a line "&lt;/report&gt;".</summary>
internal static class ReportText
{
    private const string Open = "<report>";
    private const string Close = "</report>";

    public static string Extract(string message)
    {
        var open = message.IndexOf(Open, StringComparison.Ordinal);
        var close = message.LastIndexOf(Close, StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return message;
        }
        var start = open + Open.Length;
        if (start < message.Length && message[start] == '\r')
        {
            start++;
        }
        if (start < message.Length && message[start] == '\n')
        {
            start++;
        }
        var end = close;
        if (end > start && message[end - 1] == '\n')
        {
            end--;
        }
        if (end > start && message[end - 1] == '\r')
        {
            end--;
        }
        return end > start ? message[start..end] : "";
    }
}
