using System.Text;

namespace ReportLens.Core.Interop;

/// <summary>
/// Writes RFC 4180 CSV: fields quoted when they hold the delimiter, a quote or a line break; formula-like cells
/// neutralised (<see cref="CsvFormula"/>).
/// </summary>
public sealed class CsvWriter(TextWriter writer, char delimiter = ',')
{
    public async Task WriteRecordAsync(IEnumerable<string?> fields, CancellationToken cancellationToken = default)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(delimiter);
            }

            first = false;
            line.Append(Escape(CsvFormula.Neutralise(field ?? "")));
        }

        line.Append("\r\n");
        await writer.WriteAsync(line.ToString().AsMemory(), cancellationToken);
    }

    private string Escape(string field) =>
        field.Contains(delimiter) || field.Contains('"') || field.Contains('\n') || field.Contains('\r')
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
