using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>SQLite; the only trusted proxy is 10.9.8.7 (so a loopback client is not a proxy) and only two host names are served.</summary>
public sealed class UntrustedPeerAppFixture : SqliteAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["REPORTLENS_KNOWN_PROXIES"] = "10.9.8.7";
        settings["REPORTLENS_ALLOWED_HOSTS"] = "127.0.0.1;reportlens.test";
    }
}
