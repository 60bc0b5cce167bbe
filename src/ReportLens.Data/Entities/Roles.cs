namespace ReportLens.Data.Entities;

/// <summary>The roles a user account has, for the server's policies and the CLI alike.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Radiologist = "radiologist";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Radiologist, Viewer];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);
}
