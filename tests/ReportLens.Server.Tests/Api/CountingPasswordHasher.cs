using Microsoft.AspNetCore.Identity;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Api;

/// <summary>The real hasher, counting how many hashes it verifies (each one is the slow part of a sign-in).</summary>
internal sealed class CountingPasswordHasher : IPasswordHasher<UserAccount>
{
    private readonly PasswordHasher<UserAccount> _inner = new();

    public int Verifications { get; private set; }

    public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        Verifications++;
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
