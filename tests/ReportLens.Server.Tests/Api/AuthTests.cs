using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

public abstract class AuthTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Fact]
    public async Task Login_WithValidCredentials_ReturnsBearerTokenWithExpiry()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = TestServerSettings.AdminPassword });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(30 * 60, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody", "whatever-password")]
    public async Task Login_WithBadCredentials_Returns401Problem(string username, string password)
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_WithMissingFields_Returns400ValidationProblem()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin" });
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Me_WithToken_ReturnsUserAndRole()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("radiologist1", me.GetProperty("username").GetString());
        Assert.Equal("radiologist", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Users_AdminCreatesUserAndChangesRole_NewRoleAppliesToExistingToken()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        var name = "user" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = name, password = "password-123", role = "viewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var user = await App.ClientAsync(name, "password-123");
        var denied = await user.PostAsJsonAsync("/api/v1/reports", new { report_content = "双肺纹理清晰。" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}/role", new { role = "radiologist" });
        changed.EnsureSuccessStatusCode();
        var allowed = await user.PostAsJsonAsync("/api/v1/reports", new { report_content = "双肺纹理清晰。" });
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);

        var deactivated = await admin.PutAsJsonAsync($"/api/v1/users/{id}/role", new { is_active = false });
        deactivated.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/reports")).StatusCode);
    }

    [Fact]
    public async Task Users_DuplicateName_Returns409AndBadRole_Returns400()
    {
        App.SkipIfUnavailable();
        using var admin = await App.AdminAsync();
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/users", new { username = "viewer1", password = "password-123", role = "viewer" }),
            HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/users", new { username = "x-" + Guid.NewGuid(), password = "password-123", role = "superuser" }),
            HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/users", new { username = "short-" + Guid.NewGuid(), password = "short", role = "viewer" }),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Token_WithWrongSignature_Returns401Problem()
    {
        App.SkipIfUnavailable();
        var token = await App.TokenAsync("admin", TestServerSettings.AdminPassword);
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/reports"), HttpStatusCode.Unauthorized);
    }
}

public sealed class AuthSqliteTests(SqliteAppFixture app) : AuthTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class AuthPostgresTests(PostgresAppFixture app) : AuthTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
