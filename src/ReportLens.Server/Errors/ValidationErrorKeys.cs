using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ReportLens.Server.Errors;

/// <summary>
/// Built-in request validation (<c>AddValidation</c>) keys its errors by C# member path (<c>ReportId</c>,
/// <c>Filter.DateFrom</c>, <c>Items[0].Decision</c>); clients know the JSON names (<c>report_id</c>, <c>filter.date_from</c>,
/// <c>items[0].decision</c>). Each name in a key is put through the API's naming policy, so keys already in JSON form
/// (the handlers' own) stay as they are.
/// </summary>
public static partial class ValidationErrorKeys
{
    public static void UseJsonNames(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } problem)
        {
            return;
        }

        var policy = context.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.PropertyNamingPolicy;
        if (policy is null)
        {
            return;
        }

        var renamed = problem.Errors
            .GroupBy(e => ToJsonName(e.Key, policy), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
        problem.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            problem.Errors[key] = messages;
        }
    }

    public static string ToJsonName(string path, JsonNamingPolicy policy) =>
        MemberName().Replace(path, m => policy.ConvertName(m.Value));

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex MemberName();
}
