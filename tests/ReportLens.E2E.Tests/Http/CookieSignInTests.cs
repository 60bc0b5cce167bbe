using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportLens.E2E.Tests.Infrastructure;

namespace ReportLens.E2E.Tests.Http;

/// <summary>The sign-in form post at the HTTP level: cookies, antiforgery, redirects, and the API honouring the cookie.</summary>
public sealed partial class CookieSignInTests(UiFixture app)
{
    [Fact]
    public async Task Login_RightPassword_SetsCookieThatTheApiAcceptsWithTheRole()
    {
        using var client = Client();
        var response = await PostLoginAsync(client, Accounts.Viewer, Accounts.ViewerPassword, "/reports/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reports/1", response.Headers.Location?.OriginalString);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        Assert.Equal(Accounts.Viewer, me.GetProperty("username").GetString());
        var write = await client.PostAsync("/api/v1/reports", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Login_WrongPassword_RedirectsToTheFormWithAnErrorAndNoCookie()
    {
        using var client = Client();
        var response = await PostLoginAsync(client, Accounts.Viewer, "not-the-password", "/reports");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?error=1", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Login_OffSiteReturnUrl_RedirectsToReportsInstead(string returnUrl)
    {
        using var client = Client();
        var response = await PostLoginAsync(client, Accounts.Viewer, Accounts.ViewerPassword, returnUrl);

        Assert.Equal("/reports", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = Client();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = Accounts.Viewer, ["password"] = Accounts.ViewerPassword });

        var response = await client.PostAsync("/ui/login", form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Page_WithoutCookie_RedirectsToLoginWithReturnUrl()
    {
        using var client = Client();

        var response = await client.GetAsync("/reports/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login?ReturnUrl=%2Freports%2F1", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_AfterRoleChangeOrDeactivation_FollowsTheDatabase()
    {
        var name = "cookie" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await ApiLogin.SignedInClientAsync(app.BaseAddress, Accounts.Admin, Accounts.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = "password-123", role = "viewer" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

        using var client = Client();
        await PostLoginAsync(client, name, "password-123", "/reports");
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}/role", new { role = "radiologist" })).EnsureSuccessStatusCode();
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me")).RootElement;
        Assert.Equal("radiologist", me.GetProperty("role").GetString());

        (await admin.PutAsJsonAsync($"/api/v1/users/{id}/role", new { is_active = false })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    private HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.BaseAddress };

    internal static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string username, string password, string returnUrl)
    {
        var html = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries an antiforgery token");
        return await client.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
