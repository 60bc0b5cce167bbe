using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReportLens.Server.Errors;

/// <summary>
/// Rewrites Minimal APIs' binding message (<c>Failed to bind parameter "Nullable&lt;int&gt; PageSize" from "abc".</c>)
/// in the API's own terms: the snake_case query name and what it expects.
/// </summary>
public static partial class BindingFailure
{
    public static string? Describe(string message)
    {
        var match = FailedToBind().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups["name"].Value);
        var type = match.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) => "an integer",
            _ when type.Contains("Date", StringComparison.Ordinal) => "a date (yyyy-mm-dd)",
            _ when type.Contains("bool", StringComparison.OrdinalIgnoreCase) => "true or false",
            _ => "a valid value",
        };
        return $"query parameter '{name}' must be {expected}";
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>\w+)" from ".*"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();
}
