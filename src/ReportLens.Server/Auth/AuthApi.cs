using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Data;
using ReportLens.Server.Audit;

namespace ReportLens.Server.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapGet("/me", Me).RequireAuthorization(Policies.Read);
        return app;
    }

    internal static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserSignIn signIn, ReportLensDbContext db, TokenService tokens, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["username"] = string.IsNullOrWhiteSpace(request.Username) ? ["username is required"] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["password is required"] : [],
            }.Where(kv => kv.Value.Length > 0).ToDictionary());
        }

        if (await signIn.VerifyAsync(request.Username, request.Password, ct) is not { } user)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, detail: "invalid credentials", ct: ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid username or password");
        }

        audit.Stage(AuditActions.Login, detail: $"user {user.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(tokens.Issue(user));
    }

    internal static Ok<CurrentUserResponse> Me(System.Security.Claims.ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUserResponse(user.UserId(), user.Identity?.Name, user.Role()));
}
