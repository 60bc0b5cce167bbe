using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ReportLens.Application.Users;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>
/// In development a missing SECRET_KEY gets a random one (tokens then last until restart); anywhere else a
/// missing or short key stops start-up, naming the setting.
/// </summary>
public sealed class AuthOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<AuthOptions>, IValidateOptions<AuthOptions>
{
    // development generates the password when none is set: only the name is checked then
    private const string AnyValidPassword = "generated-at-first-start";

    public void PostConfigure(string? name, AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SecretKey) && environment.IsDevelopment())
        {
            options.SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
    }

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            return ValidateOptionsResult.Fail("SECRET_KEY is not set (required outside development; at least 32 characters)");
        }

        if (options.SecretKey.Length < AuthOptions.MinimumSecretLength)
        {
            return ValidateOptionsResult.Fail($"SECRET_KEY is too short ({options.SecretKey.Length} characters; at least {AuthOptions.MinimumSecretLength} required)");
        }

        if (string.IsNullOrWhiteSpace(options.AdminUser) && !string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            return ValidateOptionsResult.Fail("REPORTLENS_ADMIN_PASSWORD is set but REPORTLENS_ADMIN_USER is not");
        }

        if (options.AdminPassword is { Length: > 0 and < PasswordRules.MinimumLength })
        {
            return ValidateOptionsResult.Fail($"REPORTLENS_ADMIN_PASSWORD must be at least {PasswordRules.MinimumLength} characters");
        }

        // the first admin is made by CreateUser: its checks decide here, before the host starts
        if (!string.IsNullOrWhiteSpace(options.AdminUser)
            && CreateUser.Check(new NewUser(options.AdminUser, options.AdminPassword ?? AnyValidPassword, Roles.Admin)) is { Count: > 0 } errors)
        {
            return ValidateOptionsResult.Fail(string.Join("; ", errors.Select(e => $"{(e.Key == "password" ? "REPORTLENS_ADMIN_PASSWORD" : "REPORTLENS_ADMIN_USER")}: {e.Value}")));
        }

        return ValidateOptionsResult.Success;
    }
}
