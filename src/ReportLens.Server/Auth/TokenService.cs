using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>Issues HS256 access tokens signed with SECRET_KEY, and the parameters that validate them.</summary>
public sealed class TokenService(IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Audience = "reportlens-api";
    public const string RoleClaim = "role";
    public const string NameClaim = "name";

    public LoginResponse Issue(UserAccount user)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(settings.AccessTokenExpireMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(UserClaims.For(user)),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        return new LoginResponse(token, "bearer", settings.AccessTokenExpireMinutes * 60);
    }

    public static TokenValidationParameters ValidationParameters(AuthOptions settings) => new()
    {
        ValidIssuer = settings.Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey(settings),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = NameClaim,
        RoleClaimType = RoleClaim,
    };

    private static SymmetricSecurityKey SigningKey(AuthOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SecretKey ?? throw new InvalidOperationException("SECRET_KEY is not set")));
}
