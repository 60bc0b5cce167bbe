namespace ReportLens.Data.Entities;

/// <summary>The roles a user account has, for the server's policies and the CLI alike.</summary>
public static class Roles
{
    public const string Admin = "admin";
    /// <summary>A senior radiologist: a radiologist who may also settle double reviews (not one of the two reviewers).</summary>
    public const string Senior = "senior";
    public const string Radiologist = "radiologist";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Senior, Radiologist, Viewer];

    /// <summary>The roles a third person who settles a double review may have.</summary>
    public static readonly IReadOnlyList<string> Adjudicators = [Admin, Senior];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);

    public static bool CanAdjudicate(string? role) => role is not null && Adjudicators.Contains(role);
}
