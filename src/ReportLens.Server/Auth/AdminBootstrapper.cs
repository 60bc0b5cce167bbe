using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>
/// On the first start with no users: creates the admin from REPORTLENS_ADMIN_USER/PASSWORD, or in development
/// with neither set, an "admin" with a random password printed once. Elsewhere there is no default password.
/// </summary>
public sealed partial class AdminBootstrapper(
    ReportLensDbContext db, IPasswordHasher<UserAccount> hasher, IOptions<AuthOptions> options, IHostEnvironment environment,
    TimeProvider time, ILogger<AdminBootstrapper> logger)
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
            (username, password) = (Usernames.Normalize(settings.AdminUser), settings.AdminPassword);
        }
        else if (environment.IsDevelopment())
        {
            (username, password) = (string.IsNullOrWhiteSpace(settings.AdminUser) ? "admin" : Usernames.Normalize(settings.AdminUser), Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y'));
        }
        else
        {
            LogNoAdmin(logger);
            return new BootstrapResult(null, null);
        }

        var user = new UserAccount { Username = username, Role = Roles.Admin, PasswordHash = "", CreatedAt = time.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        var generated = string.IsNullOrWhiteSpace(settings.AdminPassword);
        return new BootstrapResult(username, generated ? password : null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No users exist and REPORTLENS_ADMIN_USER/REPORTLENS_ADMIN_PASSWORD are not both set: create an admin with `reportlens users add NAME --role admin`")]
    private static partial void LogNoAdmin(ILogger logger);
}
