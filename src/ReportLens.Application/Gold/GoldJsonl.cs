using System.Text;
using System.Text.Json;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;

namespace ReportLens.Application.Gold;

/// <summary>The gold file's bytes: one record per line, snake_case, UTF-8 without BOM, "\n" after each line; every door writes through here.</summary>
public static class GoldJsonl
{
    public const string ContentType = "application/x-ndjson";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Line(GoldReport record) => JsonSerializer.Serialize(record, ReportLensJson.Options);

    public static async Task WriteAsync(Stream stream, IEnumerable<GoldReport> records, CancellationToken ct)
    {
        foreach (var record in records)
        {
            await stream.WriteAsync(Utf8.GetBytes(Line(record) + "\n"), ct);
        }

        await stream.FlushAsync(ct);
    }

    /// <summary>The record read back by the gold file reader (the check every gold file passes: texts at their offsets).</summary>
    internal static bool PassesGoldCheck(GoldReport record)
    {
        try
        {
            return GoldFile.Parse(new StringReader(Line(record))).Count == 1;
        }
        catch (GoldFileException)
        {
            return false;
        }
    }
}
