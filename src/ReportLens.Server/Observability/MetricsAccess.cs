using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ReportLens.Server.Observability;

/// <summary>
/// Who may read /metrics: with METRICS_TOKEN set, whoever presents "Authorization: Bearer &lt;token&gt;";
/// without it, only clients on the loopback interface (a scraper on the same host or in the same pod).
/// </summary>
public static class MetricsAccess
{
    public static MetricsAccessDecision Decide(IPAddress? remote, string? authorization, string? token)
    {
        if (token is null)
        {
            return IsLoopback(remote) ? MetricsAccessDecision.Allowed : MetricsAccessDecision.Forbidden;
        }

        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return MetricsAccessDecision.Unauthorized;
        }

        return TokensEqual(authorization[Scheme.Length..].Trim(), token)
            ? MetricsAccessDecision.Allowed
            : MetricsAccessDecision.Forbidden;
    }

    private static bool IsLoopback(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }

        return IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }

    // Hashing first gives equal lengths, so the comparison time says nothing about the token.
    private static bool TokensEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
