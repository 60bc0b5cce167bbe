using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Ui;

/// <summary>The System page's user administration, with the checks and audit records of /api/v1/users.</summary>
public sealed class UiUsers(IServiceScopeFactory scopes, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    public async Task<List<UserResponse>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct)).Select(UserResponse.From).ToList();
    }

    /// <summary>Null when done, else why not (in English, like the API's validation messages).</summary>
    public async Task<string?> CreateAsync(string? username, string? password, string? role, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Length > Usernames.MaxLength || !Usernames.IsPrintable(username))
        {
            return $"username is required (at most {Usernames.MaxLength} printable characters)";
        }

        if (PasswordRules.Check(password) is { } passwordError)
        {
            return passwordError;
        }

        if (!Roles.IsValid(role))
        {
            return $"role must be one of {string.Join(", ", Roles.All)}";
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var name = Usernames.Normalize(username);
        if (await db.Users.AnyAsync(Usernames.SameAs(name), ct))
        {
            return $"a user named '{name}' already exists";
        }

        var user = new UserAccount { Username = name, Role = role!, PasswordHash = "", CreatedAt = time.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, password!);
        db.Users.Add(user);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Stage(admin, AuditActions.UserChange, detail: $"created user '{name}' as {role} (web)");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return $"a user named '{name}' already exists";
        }

        return null;
    }

    public async Task ChangeAsync(int id, string role, bool active, ClaimsPrincipal admin, CancellationToken ct)
    {
        if (!Roles.IsValid(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportLensDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == id, ct);
        user.Role = role;
        user.IsActive = active;
        scope.ServiceProvider.GetRequiredService<AuditLog>().Stage(admin, AuditActions.UserChange, detail: $"user {id}: role {role}, active {active} (web)");
        await db.SaveChangesAsync(ct);
        scope.ServiceProvider.GetRequiredService<UserStatusCache>().Forget(id);
    }
}
