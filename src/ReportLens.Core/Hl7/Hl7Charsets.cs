using System.Text;

namespace ReportLens.Core.Hl7;

/// <summary>
/// MSH-18 (table 0211) to a .NET encoding. Empty means the sender did not say: read as UTF-8, which ASCII senders
/// also satisfy. GB 18030 comes from the code-pages provider, asked directly so nothing global is registered.
/// </summary>
public static class Hl7Charsets
{
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The encoding MSH-18 names, or null when it names one we do not read.</summary>
    public static Encoding? Resolve(string? charset) => Normalize(charset) switch
    {
        "" or "UNICODEUTF8" or "UTF8" or "ASCII" => Utf8,
        "GB18030" or "GB180302000" or "GB180302005" or "GB180302022" => CodePagesEncodingProvider.Instance.GetEncoding("GB18030"),
        "88591" or "ISO88591" => Encoding.Latin1,
        _ => null,
    };

    private static string Normalize(string? charset) =>
        new([.. (charset ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit)]);
}
