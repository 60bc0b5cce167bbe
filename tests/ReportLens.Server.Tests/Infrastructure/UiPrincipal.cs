using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using ReportLens.Server.Auth;

namespace ReportLens.Server.Tests.Infrastructure;

/// <summary>The web UI's signed-in user as the cookie handler builds it, for calling the UI's services directly.</summary>
public static class UiPrincipal
{
    public static ClaimsPrincipal For(int id, string username, string role) => new(new ClaimsIdentity(
        [new Claim(JwtRegisteredClaimNames.Sub, id.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, username),
         new Claim(TokenService.RoleClaim, role)], "test", ClaimTypes.Name, TokenService.RoleClaim));

    /// <summary>A stored user of the fixture's database, by name.</summary>
    public static async Task<ClaimsPrincipal> OfAsync(AppFixture app, string username)
    {
        await using var db = TestDb.Open(app);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Username == username);
        return For(user.Id, user.Username, user.Role);
    }
}
