using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>Issue 12 items 7 and 8 through Debian's nginx with deploy/nginx/nginx.conf: client, scheme and host as nginx sees them.</summary>
public sealed partial class NginxProxyTests(NginxAppFixture app) : ApiTest<NginxAppFixture>(app), IClassFixture<NginxAppFixture>
{
    [Fact]
    public async Task Audit_BehindNginx_RecordsTheClientsAddressNotTheProxys()
    {
        var nginx = App.RequireNginx();
        using var client = ProxyClient.Create(nginx.HttpsAddress, await App.TokenAsync("radiologist1", "radiologist-pass-1"));

        var created = await client.PostAsJsonAsync("/api/v1/reports", new { report_content = "Findings: no acute abnormality." });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await using var db = TestDb.Open(App);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.ReportId == id && e.Action == "create");
        Assert.Equal(ProxyClient.ClientAddress.ToString(), entry.ClientAddress);
    }

    [Fact]
    public async Task SignIn_BehindNginxOverHttps_SetsSecureCookiesAndHsts()
    {
        var nginx = App.RequireNginx();
        using var client = ProxyClient.Create(nginx.HttpsAddress);

        var page = await client.GetAsync("/login");
        page.EnsureSuccessStatusCode();
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());

        var token = FormToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var login = new HttpRequestMessage(HttpMethod.Post, "/ui/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = TestServerSettings.AdminUser,
                ["password"] = TestServerSettings.AdminPassword,
                ["returnUrl"] = "/reports",
                ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(login);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("reportlens.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/reports")]
    [InlineData("/jobs")]
    public async Task LoginRedirect_WithAForgedHostThroughNginx_StaysOnThisSite(string path)
    {
        var nginx = App.RequireNginx();
        using var client = ProxyClient.Create(nginx.HttpsAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("evil.example", location, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/login", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginRedirect_WithAForgedHostStraightToTheServer_IsRelative()
    {
        using var client = ProxyClient.Create(App.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
