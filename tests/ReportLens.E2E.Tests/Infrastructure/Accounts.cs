namespace ReportLens.E2E.Tests.Infrastructure;

public static class Accounts
{
    public const string Admin = "admin";
    public const string AdminPassword = "admin-password-123";
    public const string Radiologist = "radiologist1";
    public const string RadiologistPassword = "radiologist-pass-1";
    public const string Viewer = "viewer1";
    public const string ViewerPassword = "viewer-password-1";
}
