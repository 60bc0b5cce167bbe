using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Users;

/// <summary>
/// The one "create a user" every door calls (API, web UI, CLI): the name is normalised before it is checked,
/// the password and role are checked, a name taken ignoring case is a duplicate (also when a concurrent creation
/// wins the unique index), and the user and its audit record commit together.
/// </summary>
public sealed class CreateUser(IDbContextFactory<ReportLensDbContext> databases, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    public async Task<UserCreation> RunAsync(NewUser request, Actor actor, CancellationToken ct)
    {
        var errors = Check(request);
        if (errors.Count > 0 || request is not { Username: { } name, Password: { } password, Role: { } role })
        {
            return UserCreation.Invalid(errors);
        }

        var username = Usernames.Normalize(name);
        await using var db = await databases.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(Usernames.SameAs(username), ct))
        {
            return UserCreation.Duplicate(username);
        }

        var now = time.GetUtcNow();
        var user = new UserAccount { Username = username, Role = role, PasswordHash = "", CreatedAt = now };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
        AuditEntries.Stage(db, actor, AuditActions.UserChange, null, $"created user '{username}' as {user.Role}", now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return UserCreation.Duplicate(username);
        }

        return UserCreation.Created(user);
    }

    /// <summary>Field errors keyed as on the wire; the name is checked after normalising, as it will be stored.</summary>
    public static Dictionary<string, string> Check(NewUser request)
    {
        var errors = new Dictionary<string, string>();
        var username = request.Username is null ? "" : Usernames.Normalize(request.Username);
        if (username.Length is 0 or > Usernames.MaxLength || !Usernames.IsPrintable(username))
        {
            errors["username"] = $"username is required (at most {Usernames.MaxLength} printable characters)";
        }

        if (PasswordRules.Check(request.Password) is { } passwordError)
        {
            errors["password"] = passwordError;
        }

        if (!Roles.IsValid(request.Role))
        {
            errors["role"] = $"role must be one of {string.Join(", ", Roles.All)}";
        }

        return errors;
    }
}
