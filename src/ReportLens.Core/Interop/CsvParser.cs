using System.Text;

namespace ReportLens.Core.Interop;

/// <summary>
/// RFC 4180 reader: fields separated by the delimiter, quoted with '"', quotes doubled inside quotes,
/// line breaks allowed inside quotes, CRLF or LF record ends.
/// </summary>
public static class CsvParser
{
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(
        TextReader reader, char delimiter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        var buffer = new char[8192];
        var pendingQuote = false;
        var pendingCr = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                if (inQuotes)
                {
                    if (pendingQuote)
                    {
                        pendingQuote = false;
                        if (c == '"')
                        {
                            field.Append('"');
                            continue;
                        }

                        inQuotes = false;
                    }
                    else if (c == '"')
                    {
                        pendingQuote = true;
                        continue;
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        continue;
                    }
                }

                if (c == '"' && !fieldStarted)
                {
                    inQuotes = true;
                    fieldStarted = true;
                }
                else if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                }
                else if (c is '\r' or '\n')
                {
                    pendingCr = c == '\r';
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    if (!(fields.Count == 1 && fields[0].Length == 0))
                    {
                        yield return new CsvRecord(recordLine, fields.ToArray());
                    }

                    fields.Clear();
                    line++;
                    recordLine = line;
                }
                else
                {
                    field.Append(c);
                    fieldStarted = true;
                }
            }
        }

        if (inQuotes && !pendingQuote)
        {
            throw new FormatException($"line {recordLine}: a quoted field is not closed");
        }

        if (fieldStarted || fields.Count > 0 || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray());
        }
    }
}
