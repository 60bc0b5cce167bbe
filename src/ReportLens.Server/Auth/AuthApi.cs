using Microsoft.AspNetCore.Http.HttpResults;
using ReportLens.Application.Audit;
using ReportLens.Data;
using ReportLens.Server.Audit;

namespace ReportLens.Server.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous().WithName("Login").WithSummary("Sign in: a bearer token for the API")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/me", Me).RequireAuthorization(Policies.Read).WithName("GetCurrentUser").WithSummary("The signed-in user and role");
        return app;
    }

    internal static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, UserSignIn signIn, LoginThrottle throttle, HttpContext http, ReportLensDbContext db, TokenService tokens,
        AuditLog audit, CancellationToken ct)
    {
        var client = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(request.Username, client) is { } wait)
        {
            await audit.WriteAsync(AuditActions.LoginFailed, detail: "too many failed sign-ins: refused", ct: ct);
            return LoginProblems.Throttled(http, wait);
        }

        if (await signIn.VerifyAsync(request.Username, request.Password, ct) is not { } user)
        {
            throttle.Failed(request.Username, client);
            await audit.WriteAsync(AuditActions.LoginFailed, detail: "invalid credentials", ct: ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid username or password");
        }

        throttle.Succeeded(request.Username);
        audit.Stage(AuditActions.Login, detail: $"user {user.Id}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(tokens.Issue(user));
    }

    internal static Ok<CurrentUserResponse> Me(System.Security.Claims.ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUserResponse(user.UserId(), user.Identity?.Name, user.Role()));
}
