namespace ReportLens.Server.Observability;

/// <summary>The closed set of outcome label values, so a typo cannot create a new time series.</summary>
public static class LlmOutcomes
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Unavailable = "unavailable";
    public const string ModelMissing = "model_missing";
    public const string SchemaFailure = "schema_failure";
    public const string Cancelled = "cancelled";
    public const string Cached = "cached";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Success, Error, Timeout, Unavailable, ModelMissing, SchemaFailure, Cancelled, Cached,
    };

    public static string Normalize(string? outcome)
    {
        var value = outcome?.Trim().ToLowerInvariant() ?? Error;
        return All.Contains(value) ? value : Error;
    }
}
