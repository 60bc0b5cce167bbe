namespace ReportLens.Application.Usage;

/// <summary>What usage over a period is summed per.</summary>
public enum UsageGroupBy
{
    Model,
    Backend,
    User,
    Job,
}

public static class UsageGroupings
{
    public static readonly string[] WireNames = ["model", "backend", "user", "job"];

    public static bool TryParse(string? value, out UsageGroupBy groupBy)
    {
        groupBy = value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "model" => UsageGroupBy.Model,
            "backend" => UsageGroupBy.Backend,
            "user" => UsageGroupBy.User,
            "job" => UsageGroupBy.Job,
            _ => (UsageGroupBy)(-1),
        };
        return Enum.IsDefined(groupBy);
    }
}
