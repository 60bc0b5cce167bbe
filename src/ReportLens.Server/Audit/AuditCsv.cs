using System.Globalization;
using System.Text;
using ReportLens.Core.Interop;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Audit;

/// <summary>The audit trail as CSV, written row by row so a large export never sits in memory whole.</summary>
public static class AuditCsv
{
    public const string Header = "id,at,user_id,username,role,action,report_id,detail,client_address";

    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEntry> entries, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8WithoutBom, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Header + "\n");
        await foreach (var e in entries.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(e).AsMemory(), ct);
        }

        await writer.FlushAsync(ct);
    }

    private static string Line(AuditEntry e) =>
        string.Join(',', e.Id, e.At.ToString("O", CultureInfo.InvariantCulture), e.UserId, Quote(e.Username), Quote(e.Role),
            Quote(e.Action), e.ReportId, Quote(e.Detail), Quote(e.ClientAddress)) + "\n";

    private static string Quote(string? value) =>
        value is null ? "" : Escape(CsvFormula.Neutralise(value));

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
