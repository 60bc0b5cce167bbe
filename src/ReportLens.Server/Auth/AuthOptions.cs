using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const int MinimumSecretLength = 32;

    /// <summary>SECRET_KEY: signs access tokens. Required outside development, at least 32 characters.</summary>
    public string? SecretKey { get; set; }

    /// <summary>ACCESS_TOKEN_EXPIRE_MINUTES.</summary>
    [Range(1, 7 * 24 * 60, ErrorMessage = "ACCESS_TOKEN_EXPIRE_MINUTES must be between 1 and 10080")]
    public int AccessTokenExpireMinutes { get; set; } = 30;

    /// <summary>REPORTLENS_ADMIN_USER: the admin created on first start when there are no users.</summary>
    public string? AdminUser { get; set; }

    /// <summary>REPORTLENS_ADMIN_PASSWORD.</summary>
    public string? AdminPassword { get; set; }

    public string Issuer { get; set; } = "reportlens";
}
