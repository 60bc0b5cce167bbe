namespace ReportLens.Server.Auth;

public sealed record UserStatus(bool IsActive, string Role);
