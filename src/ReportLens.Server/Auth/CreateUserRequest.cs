namespace ReportLens.Server.Auth;

public sealed record CreateUserRequest(string? Username, string? Password, string? Role);
