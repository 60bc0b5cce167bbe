namespace ReportLens.Server.Auth;

public sealed record ChangeRoleRequest([RoleName] string? Role, bool? IsActive);
