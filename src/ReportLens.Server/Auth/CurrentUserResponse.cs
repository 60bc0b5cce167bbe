namespace ReportLens.Server.Auth;

public sealed record CurrentUserResponse(int? Id, string? Username, string? Role);
