using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>Issue 12, item 1: a NUL or other control character is a 400 naming the field, on SQLite and PostgreSQL alike.</summary>
public abstract class ControlCharacterTests<TFixture>(TFixture app) : ApiTest<TFixture>(app) where TFixture : AppFixture
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0x1b)]
    [InlineData(0x7f)]
    [InlineData(0xd800)]
    public async Task Login_UsernameWithControlCharacter_Returns400NamingUsername(int character)
    {
        var username = $"adm{(char)character}in";
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        var response = await client.PostAsync("/api/v1/auth/login", RawJson($"{{\"username\":\"{Escape(username)}\",\"password\":\"x\"}}"));
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);

        // A lone surrogate is refused by the JSON reader itself, before any field is known.
        Assert.True(char.IsSurrogate((char)character) || body.GetProperty("errors").TryGetProperty("username", out _), body.ToString());
    }

    [Fact]
    public async Task CreateReport_TextWithNul_Returns400NamingReportContent()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsync("/api/v1/reports", Json(new { report_content = "双肺纹理清晰\u0000。", modality = "CT" }));
        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("report_content", out _), body.ToString());
    }

    [Fact]
    public async Task CreateReport_TabsAndLineBreaks_AreAccepted()
    {
        App.SkipIfUnavailable();
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsync("/api/v1/reports", Json(new { report_content = "检查所见：\r\n\t双肺纹理清晰。\n" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reports?q=a%00b", "q")]
    [InlineData("/api/v1/reports?modality=C%01T", "modality")]
    [InlineData("/api/v1/audit?action=x%00", "action")]
    public async Task Filter_WithControlCharacter_Returns400NamingParameter(string url, string parameter)
    {
        App.SkipIfUnavailable();
        using var client = await App.AdminAsync();
        var body = await ProblemAssert.IsProblemAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), body.ToString());
    }

    [Fact]
    public async Task WebSignIn_UsernameWithNul_IsARejectedSignInNotAnError()
    {
        App.SkipIfUnavailable();
        using var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };
        var response = await WebForms.PostSignInAsync(web, "adm\u0000in", "x");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest
            || response.Headers.Location?.OriginalString.StartsWith("/login?error=1", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task UnknownUrgencyFilter_Returns400LikeOtherFilters()
    {
        App.SkipIfUnavailable();
        using var client = await App.ViewerAsync();
        var body = await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/v1/reports?urgency=urgent-ish"), HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("urgency", out _), body.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/reports?urgency=" + Uri.EscapeDataString("危急"))).StatusCode);
    }

    private static StringContent Json(object value) => RawJson(JsonSerializer.Serialize(value));

    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    // Escaped by hand so that a lone surrogate reaches the wire as \uD800 (a serializer would replace it).
    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}

public sealed class ControlCharacterSqliteTests(SqliteAppFixture app) : ControlCharacterTests<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>;

public sealed class ControlCharacterPostgresTests(PostgresAppFixture app) : ControlCharacterTests<PostgresAppFixture>(app), IClassFixture<PostgresAppFixture>;
