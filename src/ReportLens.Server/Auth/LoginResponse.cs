namespace ReportLens.Server.Auth;

/// <summary>The seed's token response: access_token, token_type "bearer", expires_in seconds.</summary>
public sealed record LoginResponse(string AccessToken, string TokenType, int ExpiresIn);
