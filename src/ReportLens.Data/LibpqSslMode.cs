using Npgsql;

namespace ReportLens.Data;

/// <summary>libpq's sslmode names (postgresql:// URLs, PGSSLMODE) and Npgsql's <see cref="SslMode"/>, both ways.</summary>
public static class LibpqSslMode
{
    private static readonly (string Name, SslMode Mode)[] Names =
    [
        ("disable", SslMode.Disable),
        ("allow", SslMode.Allow),
        ("prefer", SslMode.Prefer),
        ("require", SslMode.Require),
        ("verify-ca", SslMode.VerifyCA),
        ("verify-full", SslMode.VerifyFull),
    ];

    public static string ToLibpq(SslMode mode) => Names.FirstOrDefault(n => n.Mode == mode).Name ?? "prefer";

    public static SslMode Parse(string name) =>
        Names.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
            ? found.Mode
            : throw new FormatException($"DATABASE_URL: unknown sslmode '{name}' (use one of {string.Join(", ", Names.Select(n => n.Name))})");
}
