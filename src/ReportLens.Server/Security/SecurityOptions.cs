using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>CORS_ORIGINS: comma-separated origins allowed to call the API from a browser; empty = CORS off.</summary>
    public string? CorsOrigins { get; set; }

    /// <summary>RATE_LIMIT_PER_MINUTE: analyses per user per minute (0 = no limit).</summary>
    [Range(0, 100_000, ErrorMessage = "RATE_LIMIT_PER_MINUTE must be between 0 and 100000")]
    public int RateLimitPerMinute { get; set; } = 120;

    public IReadOnlyList<string> Origins =>
        (CorsOrigins ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
