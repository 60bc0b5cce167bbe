namespace ReportLens.Server.Auth;

public sealed record LoginRequest(string? Username, string? Password);
