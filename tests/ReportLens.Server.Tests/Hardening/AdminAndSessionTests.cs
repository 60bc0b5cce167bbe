using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>Issue 12, items 5, 10 and 11: the last admin stays, sign-out needs its token, consistent problems.</summary>
public abstract class AdminAndSessionTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Theory]
    [InlineData("{\"is_active\":false}")]
    [InlineData("{\"role\":\"viewer\"}")]
    [InlineData("{\"role\":\"radiologist\",\"is_active\":false}")]
    public async Task LastActiveAdmin_DeactivatedOrDemoted_Returns409AndStaysAdmin(string change)
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("id").GetInt32();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.Equal(1, users.EnumerateArray().Count(u => u.GetProperty("role").GetString() == "admin" && u.GetProperty("is_active").GetBoolean()));

        var response = await admin.PutAsync($"/api/v1/users/{id}/role", new StringContent(change, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task SecondAdmin_CanBeDemoted_WhileAnotherAdminRemains()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var name = "admin" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = "password-123", role = "admin" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var demoted = await admin.PutAsJsonAsync($"/api/v1/users/{id}/role", new { role = "viewer" });

        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
    }

    [Fact]
    public async Task CreateUser_NameDifferingOnlyInCase_Returns409()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var name = "Case" + Guid.NewGuid().ToString("N")[..8];
        var first = await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = "password-123", role = "viewer" });
        var second = await admin.PostAsJsonAsync("/api/v1/users", new { username = name.ToLowerInvariant(), password = "password-123", role = "viewer" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefusedAndKeepsTheSession()
    {
        App.SkipIfUnavailable();
        using var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await WebForms.PostSignInAsync(web, "viewer1", "viewer-password-1")).StatusCode);

        var forged = await web.PostAsync("/ui/logout", null);

        await ProblemAssert.IsProblemAsync(forged, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/api/v1/auth/me")).StatusCode);
        var token = await WebForms.AntiforgeryTokenAsync(web, "/reports");
        var real = await web.PostAsync("/ui/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await web.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }
}

public sealed class AdminAndSessionSqliteTests(SqliteAppFixture app) : AdminAndSessionTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class AdminAndSessionPostgresTests(PostgresAppFixture app) : AdminAndSessionTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
