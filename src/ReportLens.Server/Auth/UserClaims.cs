using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>Who a signed-in user is, said the same way in an access token and in the web UI's cookie.</summary>
public static class UserClaims
{
    public static IReadOnlyList<Claim> For(UserAccount user) =>
    [
        new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(TokenService.NameClaim, user.Username),
        new Claim(TokenService.RoleClaim, user.Role),
    ];

    public static ClaimsPrincipal Principal(UserAccount user, string authenticationType) =>
        new(new ClaimsIdentity(For(user), authenticationType, TokenService.NameClaim, TokenService.RoleClaim));
}
