using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Users;
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
        CreateUserRequest request, CreateUser users, HttpContext http, CancellationToken ct)
    {
        var actor = http.ApiActor();
        var creation = await users.RunAsync(new NewUser(request.Username, request.Password, request.Role), actor, ct);
        return creation.Outcome switch
        {
            UserCreationOutcome.Created => TypedResults.Created($"/api/v1/users/{creation.User!.Id}", UserResponse.From(creation.User)),
            UserCreationOutcome.Invalid => TypedResults.ValidationProblem(creation.Errors.ToDictionary(e => e.Key, e => new[] { e.Value })),
            _ => Problems.Conflict(creation.Message!),
        };
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        int id, ChangeRoleRequest request, ReportLensDbContext db, AuditLog audit, UserStatusCache statuses, CancellationToken ct)
    {
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
