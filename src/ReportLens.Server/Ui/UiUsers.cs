using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReportLens.Application.Audit;
using ReportLens.Application.Users;
using ReportLens.Data;
using ReportLens.Data.Entities;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Ui;

/// <summary>The System page's user administration, with the checks and audit records of /api/v1/users.</summary>
public sealed class UiUsers(IServiceScopeFactory scopes, CreateUser users)
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
        var creation = await users.RunAsync(new NewUser(username, password, role), admin.ToActor(Door.Ui, null), ct);
        return creation.Message;
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
