using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>SQLite with small sign-in limits: three failures per account, eight per client address.</summary>
public sealed class LoginThrottleAppFixture : SqliteAppFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["LOGIN_FAILURES_PER_ACCOUNT"] = "3";
        settings["LOGIN_FAILURES_PER_CLIENT"] = "8";
        settings["LOGIN_LOCKOUT_SECONDS"] = "60";
    }
}

/// <summary>Issue 12, item 4: brute force meets a lock per account and per client, with the same answer for every name.</summary>
public sealed class LoginThrottleTests(LoginThrottleAppFixture app) : ApiTest<LoginThrottleAppFixture>(app), IClassFixture<LoginThrottleAppFixture>
{
    [Fact]
    public async Task RepeatedFailures_LockAccountThenClient_With429ProblemsAlikeForKnownAndUnknownNames()
    {
        using var admin = await App.AdminAsync();
        using var client = App.Anonymous();

        var known = await FailThenTryAsync(client, "radiologist1", "radiologist-pass-1");
        var unknown = await FailThenTryAsync(client, "ghost-" + Guid.NewGuid().ToString("N")[..6], "whatever-pass-1");
        Assert.Equal(known.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
        Assert.Equal(known.GetProperty("type").GetString(), unknown.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, "viewer1", "viewer-password-1")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "nobody-a", "wrong-password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "nobody-b", "wrong-password")).StatusCode);
        var clientLocked = await LoginAsync(client, "viewer1", "viewer-password-1");
        await ProblemAssert.IsProblemAsync(clientLocked, HttpStatusCode.TooManyRequests);

        using var web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = App.BaseAddress };
        var form = await WebForms.PostSignInAsync(web, "viewer1", "viewer-password-1");
        Assert.StartsWith("/login?error=throttled", form.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=login_failed&page_size=100");
        Assert.True(audit.GetProperty("total").GetInt32() >= 10, audit.ToString());
    }

    private static async Task<JsonElement> FailThenTryAsync(HttpClient client, string username, string password)
    {
        for (var i = 0; i < 3; i++)
        {
            await ProblemAssert.IsProblemAsync(await LoginAsync(client, username, "wrong-password-" + i), HttpStatusCode.Unauthorized);
        }

        var locked = await LoginAsync(client, username, password);
        var problem = await ProblemAssert.IsProblemAsync(locked, HttpStatusCode.TooManyRequests);
        Assert.True(locked.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, locked.Headers.RetryAfter?.ToString());
        return problem;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
}
