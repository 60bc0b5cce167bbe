using System.Security.Cryptography;
using System.Text;

namespace ReportLens.Application.CriticalFindings;

/// <summary>HMAC-SHA256 over the exact body bytes, sent as <c>X-ReportLens-Signature: sha256=&lt;lower-case hex&gt;</c>.</summary>
public static class WebhookSignature
{
    public const string Header = "X-ReportLens-Signature";
    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Compares in constant time, as a receiver should.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
