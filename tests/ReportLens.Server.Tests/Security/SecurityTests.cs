using System.Net;
using System.Net.Http.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

public sealed class SecurityTests(RateLimitedAppFixture app) : ApiTest<RateLimitedAppFixture>(app), IClassFixture<RateLimitedAppFixture>
{
    [Fact]
    public async Task Analyze_OverThePerUserLimit_Returns429Problem_AndOtherUsersAreNotAffected()
    {
        using var radiologist = await App.RadiologistAsync();
        var id = await ReportsApiTests<RateLimitedAppFixture>.CreateAsync(radiologist, "Findings: small left pleural effusion.");
        var request = new { report_id = id, user_prompt = "", annotation_type = "classification", engine = "rules" };
        for (var i = 0; i < 3; i++)
        {
            (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", request)).EnsureSuccessStatusCode();
        }

        var limited = await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", request);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);

        using var admin = await App.AdminAsync();
        (await admin.PostAsJsonAsync("/api/v1/ai/analyze", request)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await radiologist.GetAsync($"/api/v1/reports/{id}")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndApiIsNeverCached()
    {
        using var client = await App.ViewerAsync();
        var response = await client.GetAsync("/api/v1/reports");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(RateLimitedAppFixture.AllowedOrigin, true)]
    [InlineData("https://evil.example", false)]
    public async Task Cors_OnlyConfiguredOriginsAreAllowed(string origin, bool allowed)
    {
        using var client = App.Anonymous();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/reports");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await client.SendAsync(preflight);
        Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
