using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ReportLens.Application.Audit;

namespace ReportLens.Server.Auth;

public static class ClaimsPrincipalExtensions
{
    public static int? UserId(this ClaimsPrincipal principal)
    {
        var value = principal.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public static string? Role(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(TokenService.RoleClaim) ?? principal.FindFirstValue(ClaimTypes.Role);

    /// <summary>The signed-in user as the application layer names callers (audit records, "created by").</summary>
    public static Actor ToActor(this ClaimsPrincipal principal, Door door, string? clientAddress) =>
        new(principal.UserId(), principal.Identity?.Name, principal.Role(), door, clientAddress);
}
