namespace ReportLens.Application.Reviews;

/// <summary>Which attributes each kind of item takes and which values they may have: the API's checks and the UI's edit boxes read the same rules.</summary>
public static class ReviewAttributeRules
{
    public static readonly IReadOnlyList<string> Lateralities = ["left", "right", "bilateral"];
    public static readonly IReadOnlyList<string> Severities = ["mild", "moderate", "severe"];

    public static ReviewAttributeKinds For(string list) => list switch
    {
        "highlights" => new(Category: true, Flags: true, Laterality: true, Severity: true, Score: false),
        "findings" => new(Category: false, Flags: true, Laterality: true, Severity: true, Score: false),
        "locations" => new(Category: false, Flags: false, Laterality: true, Severity: false, Score: false),
        "classifications" => new(Category: true, Flags: false, Laterality: false, Severity: false, Score: false),
        "scores" => new(Category: false, Flags: false, Laterality: false, Severity: false, Score: true),
        _ => new(false, false, false, false, false),
    };

    /// <summary>
    /// Adds to <paramref name="errors"/> (keys under <paramref name="field"/>) what is wrong with <paramref name="attributes"/>
    /// for an item of <paramref name="list"/> whose category may be one of <paramref name="categories"/> and whose score at most <paramref name="maxScore"/>.
    /// </summary>
    public static void Check(string list, ReviewAttributes attributes, IReadOnlyList<string> categories, int maxScore, string field, Dictionary<string, string[]> errors)
    {
        var kinds = For(list);
        if (attributes.Category is { } category)
        {
            Require(kinds.Category && categories.Contains(category), $"{field}.category",
                kinds.Category ? $"category must be one of {string.Join(", ", categories)}" : $"a {list} item has no category", errors);
        }

        Require(kinds.Flags || attributes is { Negated: null, Uncertain: null }, $"{field}.negated", $"a {list} item has no negated or uncertain flag", errors);
        if (attributes.Laterality is { } laterality)
        {
            Require(kinds.Laterality && Lateralities.Contains(laterality), $"{field}.laterality",
                kinds.Laterality ? $"laterality must be one of {string.Join(", ", Lateralities)}" : $"a {list} item has no laterality", errors);
        }

        if (attributes.Severity is { } severity)
        {
            Require(kinds.Severity && Severities.Contains(severity), $"{field}.severity",
                kinds.Severity ? $"severity must be one of {string.Join(", ", Severities)}" : $"a {list} item has no severity", errors);
        }

        if (attributes.Score is { } score)
        {
            Require(kinds.Score && score >= 0 && score <= maxScore, $"{field}.score",
                kinds.Score ? $"score must be between 0 and {maxScore}" : $"a {list} item has no score", errors);
        }
    }

    private static void Require(bool ok, string key, string message, Dictionary<string, string[]> errors)
    {
        if (!ok)
        {
            errors[key] = [message];
        }
    }
}
