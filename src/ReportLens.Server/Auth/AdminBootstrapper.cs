using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Application.Audit;
using ReportLens.Application.Configuration;
using ReportLens.Application.Users;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>
/// On the first start with no users: creates the admin from REPORTLENS_ADMIN_USER/PASSWORD, or in development
/// with neither set, an "admin" with a random password printed once. Elsewhere there is no default password.
/// The admin is made by <see cref="CreateUser"/>, with the same checks and audit record as every other user.
/// </summary>
public sealed partial class AdminBootstrapper(
    ReportLensDbContext db, CreateUser users, IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AdminBootstrapper> logger)
{
    public async Task<BootstrapResult> EnsureAdminAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct))
        {
            return new BootstrapResult(null, null);
        }

        var settings = options.Value;
        string username, password;
        if (!string.IsNullOrWhiteSpace(settings.AdminUser) && !string.IsNullOrWhiteSpace(settings.AdminPassword))
        {
            (username, password) = (settings.AdminUser, settings.AdminPassword);
        }
        else if (environment.IsDevelopment())
        {
            (username, password) = (string.IsNullOrWhiteSpace(settings.AdminUser) ? "admin" : settings.AdminUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y'));
        }
        else
        {
            LogNoAdmin(logger);
            return new BootstrapResult(null, null);
        }

        var creation = await users.RunAsync(new NewUser(username, password, Roles.Admin), Actor.FirstStart(), ct);
        return creation.Outcome switch
        {
            UserCreationOutcome.Created => new BootstrapResult(creation.User!.Username, string.IsNullOrWhiteSpace(settings.AdminPassword) ? password : null),
            // another server process sharing the database created it first
            UserCreationOutcome.Duplicate => new BootstrapResult(null, null),
            _ => throw new ConfigurationException($"REPORTLENS_ADMIN_USER/REPORTLENS_ADMIN_PASSWORD: {creation.Message}"),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users exist and REPORTLENS_ADMIN_USER/REPORTLENS_ADMIN_PASSWORD are not both set: create an admin with `reportlens users add NAME --role admin`")]
    private static partial void LogNoAdmin(ILogger logger);
}
