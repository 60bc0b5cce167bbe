namespace ReportLens.Data.Entities;

/// <summary>The one form a username is stored and looked up in, whichever door it comes through.</summary>
public static class Usernames
{
    public const int MaxLength = 100;

    public static string Normalize(string username) => username.Trim();
}
