using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportLens.Core.Deidentification.Detection;

/// <summary>
/// A date read from a match with groups y, m or mon, and d (no d: a month). Shifting rewrites only those groups,
/// so the text keeps its own form: separators, zero padding, 年月日, a month's spelling.
/// </summary>
internal sealed record DateParts(DateOnly Date, bool HasDay, Group Year, Group Month, Group? Day, bool MonthByName)
{
    /// <summary>Reads the date of a match; false when it is no calendar date (2023-02-30, month 13).</summary>
    public static bool TryRead(Match match, IReadOnlyList<string> months, out DateParts? parts)
    {
        parts = null;
        var year = match.Groups["y"];
        var name = match.Groups["mon"];
        var month = name.Success ? name : match.Groups["m"];
        var day = match.Groups["d"];
        if (!year.Success || !month.Success)
        {
            return false;
        }

        var y = Number(year.Value);
        y = year.Length == 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
        var m = name.Success ? MonthNumber(name.Value, months) : Number(month.Value);
        var d = day.Success ? Number(day.Value) : 15;
        // 03/04/2023 is read the American way unless the first number cannot be a month.
        if (!name.Success && day.Success && m > 12 && d <= 12 && day.Index > month.Index)
        {
            (m, d, month, day) = (d, m, day, month);
        }

        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m) || y is < 1800 or > 2100)
        {
            return false;
        }

        parts = new DateParts(new DateOnly(y, m, d), day.Success, year, month, day.Success ? day : null, name.Success);
        return true;
    }

    /// <summary>The match's text with the date moved by <paramref name="days"/> (a month moves with its 15th).</summary>
    public string Shift(Match match, int days, IReadOnlyList<string> months)
    {
        var shifted = Date.AddDays(days);
        // "2023-10-15" and "2023-03-05" keep two digits, "2023-10-5" and "2023年3月5日" do not.
        Group[] numbers = HasDay ? (MonthByName ? [Day!] : new[] { Month, Day! }) : (MonthByName ? [] : new[] { Month });
        var padded = numbers.Any(g => g.Value.StartsWith('0')) || (numbers.Length > 0 && numbers.All(g => g.Length == 2));
        var replacements = new List<(Group Group, string Text)>
        {
            (Year, Year.Length == 2 ? Pad(shifted.Year % 100, padded: true) : Pad(shifted.Year, padded: false)),
            (Month, MonthByName ? MonthName(shifted.Month, Month.Value, months) : Pad(shifted.Month, padded)),
        };
        if (HasDay)
        {
            replacements.Add((Day!, Pad(shifted.Day, padded)));
        }

        var text = new StringBuilder();
        var cursor = match.Index;
        foreach (var (group, value) in replacements.OrderBy(r => r.Group.Index))
        {
            text.Append(match.Value, cursor - match.Index, group.Index - cursor).Append(value);
            cursor = group.Index + group.Length;
        }

        return text.Append(match.Value, cursor - match.Index, match.Index + match.Length - cursor).ToString();
    }

    private static string Pad(int value, bool padded) => value.ToString(padded ? "D2" : "D", CultureInfo.InvariantCulture);

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // months-en.txt lists the twelve full names first; an abbreviation is a prefix of its month's name.
    private static int MonthNumber(string name, IReadOnlyList<string> months)
    {
        for (var i = 0; i < 12; i++)
        {
            if (months[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string MonthName(int month, string original, IReadOnlyList<string> months)
    {
        var full = months[month - 1];
        return original.Length > 4 || full.Length == original.Length ? full : full[..3];
    }
}
