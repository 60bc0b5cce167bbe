namespace ReportLens.Server.Auth;

public static class Policies
{
    /// <summary>Any signed-in role may read.</summary>
    public const string Read = "read";
    /// <summary>Radiologists, senior radiologists and admins change reports and run analyses.</summary>
    public const string Write = "write";
    /// <summary>Admins and senior radiologists settle double reviews (never one they reviewed: the use case checks that).</summary>
    public const string Adjudicate = "adjudicate";
    public const string Admin = "admin";
}
