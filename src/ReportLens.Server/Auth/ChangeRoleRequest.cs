namespace ReportLens.Server.Auth;

public sealed record ChangeRoleRequest(string? Role, bool? IsActive);
