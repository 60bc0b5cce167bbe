using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

/// <summary>The API's login and the web UI's sign-in: the same answers for the same credentials.</summary>
public abstract partial class SignInTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    private const string Radiologist = "radiologist1";
    private const string RadiologistPassword = "radiologist-pass-1";

    [Fact]
    public async Task Login_UnknownUserOrWrongPassword_GiveTheSameProblem()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "nobody-" + Guid.NewGuid().ToString("N")[..8], password = "whatever-password" });
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = Radiologist, password = "wrong-password-1" });

        var unknownBody = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Unauthorized);
        var wrongBody = await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(Shape(unknownBody), Shape(wrongBody));
        Assert.Equal(unknownBody.GetProperty("title").GetString(), wrongBody.GetProperty("title").GetString());
        Assert.Equal(unknownBody.GetProperty("type").GetString(), wrongBody.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(Radiologist, true)]
    [InlineData("  " + Radiologist + " ", true)]
    [InlineData("\t" + Radiologist, true)]
    [InlineData("Radiologist1", false)]
    public async Task Login_UsernameForm_IsAcceptedAlikeByApiAndWebUi(string username, bool accepted)
    {
        App.SkipIfUnavailable();
        using var api = App.Anonymous();
        var token = await api.PostAsJsonAsync("/api/v1/auth/login", new { username, password = RadiologistPassword });

        using var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };
        var form = await PostSignInFormAsync(web, username, RadiologistPassword, "/reports");

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal(accepted ? "/reports" : "/login?error=1&returnUrl=%2Freports", form.Headers.Location?.OriginalString);
        var me = await web.GetAsync("/api/v1/auth/me");
        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, me.StatusCode);
        if (accepted)
        {
            var body = await me.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(Radiologist, body.GetProperty("username").GetString());
            Assert.Equal("radiologist", body.GetProperty("role").GetString());
        }
    }

    private static string[] Shape(JsonElement problem) =>
        [.. problem.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}").Order(StringComparer.Ordinal)];

    private static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient client, string username, string password, string returnUrl)
    {
        var html = await client.GetStringAsync("/login");
        var antiforgery = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(antiforgery), "the sign-in form carries an antiforgery token");
        return await client.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SignInSqliteTests(SqliteAppFixture app) : SignInTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class SignInPostgresTests(PostgresAppFixture app) : SignInTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
