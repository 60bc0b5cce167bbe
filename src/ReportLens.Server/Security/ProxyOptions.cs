using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ReportLens.Server.Security;

/// <summary>
/// The reverse proxy in front of ReportLens: which peers may tell it the client's address and scheme
/// (X-Forwarded-For / X-Forwarded-Proto), and whether the site is served over TLS (HSTS).
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Security:Proxy";

    /// <summary>REPORTLENS_KNOWN_PROXIES: comma-separated proxy addresses. Unset: loopback only (nginx on the same host).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>REPORTLENS_KNOWN_NETWORKS: comma-separated CIDR ranges of proxies (e.g. the compose network).</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>REPORTLENS_HSTS: send Strict-Transport-Security on HTTPS requests (outside Development).</summary>
    public bool Hsts { get; set; } = true;

    [Range(0, 63_072_000, ErrorMessage = "REPORTLENS_HSTS_MAX_AGE must be between 0 and 63072000 seconds")]
    public int HstsMaxAgeSeconds { get; set; } = 31_536_000;

    // Methods, not properties: the configuration binder reads properties, and these throw on a bad value.
    public IReadOnlyList<IPAddress> ParseProxies() => Split(KnownProxies).Select(IPAddress.Parse).ToList();

    public IReadOnlyList<IPNetwork> ParseNetworks() => Split(KnownNetworks).Select(n => IPNetwork.Parse(n)).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in Split(KnownProxies).Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"REPORTLENS_KNOWN_PROXIES: '{proxy}' is not an IP address");
        }

        foreach (var network in Split(KnownNetworks).Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"REPORTLENS_KNOWN_NETWORKS: '{network}' is not a CIDR range such as 172.30.0.0/24");
        }
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
