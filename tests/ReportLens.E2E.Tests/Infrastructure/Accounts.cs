namespace ReportLens.E2E.Tests.Infrastructure;

public static class Accounts
{
    public const string Admin = TestServerSettings.AdminUser;
    public const string AdminPassword = TestServerSettings.AdminPassword;
    public const string Radiologist = "radiologist1";
    public const string RadiologistPassword = "radiologist-pass-1";
    public const string Viewer = "viewer1";
    public const string ViewerPassword = "viewer-password-1";
}
