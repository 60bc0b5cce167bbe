using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>Issue 12 item 7 without a proxy in between: forwarded headers from other peers are ignored, other hosts refused.</summary>
public sealed class ForwardedHeadersTests(UntrustedPeerAppFixture app) : ApiTest<UntrustedPeerAppFixture>(app), IClassFixture<UntrustedPeerAppFixture>
{
    [Fact]
    public async Task ForwardedHeaders_FromAPeerThatIsNoKnownProxy_AreIgnored()
    {
        using var client = await App.RadiologistAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports")
        {
            Content = JsonContent.Create(new { report_content = "Findings: clear lungs." }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await using var db = TestDb.Open(App);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.ReportId == id && e.Action == "create");
        Assert.Equal("127.0.0.1", entry.ClientAddress);
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("reportlens.test", HttpStatusCode.OK)]
    public async Task Host_OutsideAllowedHosts_IsRefused(string host, HttpStatusCode expected)
    {
        using var client = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Host = host;

        Assert.Equal(expected, (await client.SendAsync(request)).StatusCode);
    }
}
