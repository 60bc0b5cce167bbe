using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>
/// Checks a username and password for the API's token login and the web UI's cookie sign-in alike. Every attempt
/// costs one password hash, also for an unknown or inactive user, so response time does not tell which names exist.
/// </summary>
public sealed class UserSignIn(ReportLensDbContext db, IPasswordHasher<UserAccount> hasher)
{
    /// <summary>
    /// The hash of a random password nobody knows, made by <see cref="PasswordHasher{TUser}"/> at its default cost
    /// (V3, HMAC-SHA512, 100 000 iterations), so checking it takes as long as checking a real one.
    /// </summary>
    public const string DummyHash = "AQAAAAIAAYagAAAAEDzrWSYMLvlvKLB1doyjjU1I/bC7ggMzHuLSSm9QHXapoxXXpI8hNb3N9QaBKZGK4g==";

    /// <summary>
    /// The active user the credentials belong to, or null. When the hasher asks for a rehash, the new hash is left
    /// on the tracked user for the caller's SaveChanges (which also commits its audit record).
    /// </summary>
    public async Task<UserAccount?> VerifyAsync(string? username, string? password, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(username) || !Input.UnsafeText.IsClean(username) ? null : Usernames.Normalize(username);
        var user = name is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Username == name, ct);
        if (user is not { IsActive: true } || string.IsNullOrEmpty(password))
        {
            var nobody = new UserAccount { Username = "", Role = "", PasswordHash = DummyHash };
            _ = hasher.VerifyHashedPassword(nobody, DummyHash, password ?? "");
            return null;
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        return user;
    }
}
