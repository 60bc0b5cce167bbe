namespace ReportLens.Server.Auth;

public static class Policies
{
    /// <summary>Any signed-in role may read.</summary>
    public const string Read = "read";
    /// <summary>Radiologists and admins change reports and run analyses.</summary>
    public const string Write = "write";
    public const string Admin = "admin";
}
