using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Errors;

namespace ReportLens.Server.Auth;

/// <summary>Admin-only user management: list, create, change role or deactivate.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("List users");
        group.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Create a user with a role").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:int}/role", ChangeRoleAsync).WithName("ChangeUserRole").WithSummary("Change a user's role or active flag")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    internal static async Task<Ok<List<UserResponse>>> ListAsync(ReportLensDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        return TypedResults.Ok(users.Select(UserResponse.From).ToList());
    }

    internal static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, ReportLensDbContext db, IPasswordHasher<UserAccount> hasher, AuditLog audit,
        TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Username) || Usernames.Normalize(request.Username).Length > Usernames.MaxLength
            || !Usernames.IsPrintable(request.Username))
        {
            errors["username"] = [$"username is required (at most {Usernames.MaxLength} printable characters)"];
        }

        if (PasswordRules.Check(request.Password) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }

        if (!Roles.IsValid(request.Role))
        {
            errors["role"] = [$"role must be one of {string.Join(", ", Roles.All)}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var username = Usernames.Normalize(request.Username!);
        if (await db.Users.AnyAsync(Usernames.SameAs(username), ct))
        {
            return Problems.Conflict($"a user named '{username}' already exists (names are compared ignoring case)");
        }

        var user = new UserAccount { Username = username, Role = request.Role!, PasswordHash = "", CreatedAt = time.GetUtcNow() };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        audit.Stage(AuditActions.UserChange, detail: $"created user '{username}' as {user.Role}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        int id, ChangeRoleRequest request, ReportLensDbContext db, AuditLog audit, UserStatusCache statuses, CancellationToken ct)
    {
        if (request.Role is not null && !Roles.IsValid(request.Role))
        {
            return Problems.Validation("role", $"role must be one of {string.Join(", ", Roles.All)}");
        }

        var user = await db.Users.FindAsync([id], ct);
        if (user is null)
        {
            return Problems.NotFound($"no user with id {id}");
        }

        var staysAdmin = (request.Role ?? user.Role) == Roles.Admin && (request.IsActive ?? user.IsActive);
        if (user is { IsActive: true, Role: Roles.Admin } && !staysAdmin
            && !await db.Users.AnyAsync(u => u.Id != id && u.IsActive && u.Role == Roles.Admin, ct))
        {
            return Problems.Conflict("this is the last active admin: make another user an admin before deactivating or demoting this one");
        }

        user.Role = request.Role ?? user.Role;
        user.IsActive = request.IsActive ?? user.IsActive;
        audit.Stage(AuditActions.UserChange, detail: $"user {id}: role {user.Role}, active {user.IsActive}");
        await db.SaveChangesAsync(ct);
        statuses.Forget(id);
        return TypedResults.Ok(UserResponse.From(user));
    }
}
