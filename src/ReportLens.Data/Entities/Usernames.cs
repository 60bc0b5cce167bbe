using System.Linq.Expressions;

namespace ReportLens.Data.Entities;

/// <summary>The one form a username is stored and looked up in, whichever door it comes through.</summary>
public static class Usernames
{
    public const int MaxLength = 100;

    public static string Normalize(string username) => username.Trim();

    /// <summary>A name is one line of printable text: control characters (C0, DEL, C1) could rewrite a terminal or a log.</summary>
    public static bool IsPrintable(string username) => !username.Any(char.IsControl);

    /// <summary>
    /// Names that differ only in case are one name: "Admin" next to "admin" invites mistakes and impersonation.
    /// The key is stored beside the name under a unique index, so two concurrent creations cannot both win;
    /// sign-in still matches the stored form exactly.
    /// </summary>
    public static string Key(string username) => Normalize(username).ToUpperInvariant();

    /// <summary>Whether a stored user has this name, ignoring case (checked before creating one, for a clear 409).</summary>
    public static Expression<Func<UserAccount, bool>> SameAs(string username)
    {
        var key = Key(username);
        return u => u.NormalizedUsername == key;
    }
}
