using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Auth;

/// <summary>Brute-force protection of sign-in (API and web UI); see docs/operations.md, "Sign-in throttling".</summary>
public sealed class LoginThrottleOptions : IValidatableObject
{
    public const string Section = "Auth:Login";

    /// <summary>LOGIN_FAILURES_PER_ACCOUNT: failed sign-ins for one username before it is locked for a while.</summary>
    [Range(1, 1000, ErrorMessage = "LOGIN_FAILURES_PER_ACCOUNT must be between 1 and 1000")]
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>LOGIN_FAILURES_PER_CLIENT: failed sign-ins from one client address before it is locked for a while.</summary>
    [Range(1, 100_000, ErrorMessage = "LOGIN_FAILURES_PER_CLIENT must be between 1 and 100000")]
    public int FailuresPerClient { get; set; } = 20;

    /// <summary>LOGIN_LOCKOUT_SECONDS: the first lock; each further failure doubles it.</summary>
    [Range(1, 3600, ErrorMessage = "LOGIN_LOCKOUT_SECONDS must be between 1 and 3600")]
    public int LockoutSeconds { get; set; } = 2;

    /// <summary>LOGIN_MAX_LOCKOUT_SECONDS: the longest lock.</summary>
    [Range(1, 86_400, ErrorMessage = "LOGIN_MAX_LOCKOUT_SECONDS must be between 1 and 86400")]
    public int MaxLockoutSeconds { get; set; } = 900;

    /// <summary>Failures are forgotten after this long without a new one.</summary>
    [Range(1, 10_080, ErrorMessage = "Auth:Login:ForgetAfterMinutes must be between 1 and 10080")]
    public int ForgetAfterMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxLockoutSeconds < LockoutSeconds)
        {
            yield return new ValidationResult("LOGIN_MAX_LOCKOUT_SECONDS must be at least LOGIN_LOCKOUT_SECONDS", [nameof(MaxLockoutSeconds)]);
        }
    }
}
