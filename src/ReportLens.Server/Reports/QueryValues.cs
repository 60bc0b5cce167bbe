using System.Globalization;

namespace ReportLens.Server.Reports;

/// <summary>Typed query-string values; a malformed one is a 400 naming the parameter.</summary>
public static class QueryValues
{
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;

    public static int? Int(IQueryCollection query, string name) =>
        Text(query, name) is { } s
            ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Bad(name, "an integer")
            : null;

    public static bool? Bool(IQueryCollection query, string name) =>
        Text(query, name) is { } s ? bool.TryParse(s, out var b) ? b : throw Bad(name, "true or false") : null;

    public static DateOnly? Date(IQueryCollection query, string name) =>
        Text(query, name) is { } s
            ? DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Bad(name, "a date as yyyy-MM-dd")
            : null;

    private static BadHttpRequestException Bad(string name, string expected) =>
        new($"query parameter '{name}' must be {expected}", StatusCodes.Status400BadRequest);
}
