namespace ReportLens.Jobs.Workers;

/// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, then scaled by a random 50–100 %.</summary>
public static class RetryPolicy
{
    public static TimeSpan Delay(int attempt, JobOptions options, double random)
    {
        var exponential = options.BackoffBaseSeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(options.BackoffMaxSeconds, exponential);
        // Jitter keeps items that failed together (a backend restart) from all coming back in the same instant.
        return TimeSpan.FromSeconds(capped * (0.5 + (0.5 * random)));
    }
}
