using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

public sealed record UserResponse(int Id, string Username, string Role, bool IsActive, DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserAccount user) => new(user.Id, user.Username, user.Role, user.IsActive, user.CreatedAt);
}
