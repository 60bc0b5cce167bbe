namespace ReportLens.Application.Users;

/// <summary>A user account as a door receives it: unchecked, not yet normalised.</summary>
public sealed record NewUser(string? Username, string? Password, string? Role);
