using System.Globalization;

namespace ReportLens.Core.Interop;

/// <summary>
/// Spreadsheet formula injection: a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return is run as a formula by Excel and LibreOffice, so exports prefix it with <c>'</c> (OWASP's advice).
/// A plain number such as <c>-3</c> is left alone: it is data, not a formula.
/// </summary>
public static class CsvFormula
{
    public static string Neutralise(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + field
            : field;
}
