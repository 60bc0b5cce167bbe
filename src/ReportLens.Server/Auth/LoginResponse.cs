namespace ReportLens.Server.Auth;

/// <summary>The OAuth2-style token response clients parse: access_token, token_type "bearer", expires_in seconds.</summary>
public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn);
