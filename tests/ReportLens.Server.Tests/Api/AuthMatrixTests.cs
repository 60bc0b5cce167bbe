using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Jobs;
using ReportLens.Server.Tests.Reviews;

namespace ReportLens.Server.Tests.Api;

/// <summary>
/// Every endpoint × {no token, expired token, wrong signature, viewer, radiologist, senior, admin}; AuthMatrixCoverageTests
/// fails when a route under /api has no row here.
/// </summary>
public sealed class AuthMatrixTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    public enum Caller
    {
        None,
        Expired,
        WrongSignature,
        Viewer,
        Radiologist,
        Senior,
        Admin,
    }

    private static readonly Caller[] Callers = Enum.GetValues<Caller>();

    /// <summary>Endpoint, then the status each caller gets, in <see cref="Caller"/> order.</summary>
    public static TheoryData<string, string, int, int, int, int> Endpoints => new()
    {
        // method, path template, viewer, radiologist, senior, admin
        { "GET", "/api/v1/reports", 200, 200, 200, 200 },
        { "GET", "/api/v1/reports/{id}", 200, 200, 200, 200 },
        { "GET", "/api/v1/reports/{id}/annotations", 200, 200, 200, 200 },
        { "GET", "/api/v1/reports/{id}/versions", 200, 200, 200, 200 },
        { "GET", "/api/v1/reports/{id}/fhir", 200, 200, 200, 200 },
        { "GET", "/api/v1/annotations/{annotation}", 200, 200, 200, 200 },
        { "POST", "/api/v1/reports", 403, 201, 201, 201 },
        { "PUT", "/api/v1/reports/{id}", 403, 200, 200, 200 },
        { "DELETE", "/api/v1/reports/{id}", 403, 204, 204, 204 },
        { "POST", "/api/v1/ai/analyze", 403, 200, 200, 200 },
        { "POST", "/api/v1/ai/analyze-text", 403, 200, 200, 200 },
        { "GET", "/api/v1/auth/me", 200, 200, 200, 200 },
        { "GET", "/api/v1/users", 403, 403, 403, 200 },
        { "POST", "/api/v1/users", 403, 403, 403, 201 },
        { "PUT", "/api/v1/users/{user}/role", 403, 403, 403, 200 },
        { "GET", "/api/v1/audit", 403, 403, 403, 200 },
        { "GET", "/api/v1/jobs", 200, 200, 200, 200 },
        { "POST", "/api/v1/jobs", 403, 201, 201, 201 },
        { "POST", "/api/v1/ai/batch-analyze", 403, 200, 200, 200 },
        { "GET", "/api/v1/ai/backends", 200, 200, 200, 200 },
        { "GET", "/api/v1/ai/cache", 200, 200, 200, 200 },
        { "GET", "/api/v1/reviews/stats", 200, 200, 200, 200 },
        { "GET", "/api/v1/audit/export", 403, 403, 403, 200 },
        { "GET", "/api/v1/usage", 403, 403, 403, 200 },
        { "GET", "/api/v1/jobs/{job}", 200, 200, 200, 200 },
        { "GET", "/api/v1/jobs/{job}/items", 200, 200, 200, 200 },
        { "GET", "/api/v1/jobs/{job}/events", 200, 200, 200, 200 },
        // {job} is finished when created, so the state machine answers 409 to cancel, pause and resume.
        { "POST", "/api/v1/jobs/{job}/cancel", 403, 409, 409, 409 },
        { "POST", "/api/v1/jobs/{job}/pause", 403, 409, 409, 409 },
        { "POST", "/api/v1/jobs/{job}/resume", 403, 409, 409, 409 },
        { "POST", "/api/v1/jobs/{job}/retry-failed", 403, 200, 200, 200 },
        { "GET", "/api/v1/annotations/{annotation}/review", 200, 200, 200, 200 },
        { "POST", "/api/v1/annotations/{annotation}/review", 403, 200, 200, 200 },
        // An addition whose selection is missing passes authorization and fails validation; no added item 0 exists.
        { "POST", "/api/v1/annotations/{annotation}/review/additions", 403, 400, 400, 400 },
        { "DELETE", "/api/v1/annotations/{annotation}/review/additions/{addition}", 403, 404, 404, 404 },
        { "GET", "/api/v1/reviews/queue", 200, 200, 200, 200 },
        { "POST", "/api/v1/reviews/assignments", 403, 403, 403, 200 },
        { "GET", "/api/v1/reviews/assignments", 200, 200, 200, 200 },
        // {annotation} is not in double review: nothing to finish (409), compare or adjudicate (404).
        { "POST", "/api/v1/reviews/assignments/{annotation}/finish", 403, 409, 409, 409 },
        { "GET", "/api/v1/reviews/assignments/{annotation}/comparison", 404, 404, 404, 404 },
        { "POST", "/api/v1/reviews/assignments/{annotation}/adjudication", 403, 403, 404, 404 },
        { "GET", "/api/v1/reviews/agreement", 200, 200, 200, 200 },
        { "GET", "/api/v1/critical-findings", 200, 200, 200, 200 },
        { "POST", "/api/v1/critical-findings/{case}/acknowledge", 403, 200, 200, 200 },
        { "POST", "/api/v1/critical-findings/{case}/dismiss", 403, 200, 200, 200 },
        // Each method on its own type and language (see BuildAsync): no set exists for GET and DELETE.
        { "GET", "/api/v1/prompts/{type}/{language}/examples", 403, 403, 403, 404 },
        { "PUT", "/api/v1/prompts/{type}/{language}/examples", 403, 403, 403, 200 },
        { "DELETE", "/api/v1/prompts/{type}/{language}/examples", 403, 403, 403, 404 },
        { "GET", "/api/v1/gold/export", 403, 403, 403, 200 },
        { "GET", "/api/v1/gold/scores", 200, 200, 200, 200 },
        // an empty gold file without a name, and a run without a gold set: the admin passes the check and gets a 400
        { "POST", "/api/v1/gold-sets", 403, 403, 403, 400 },
        { "GET", "/api/v1/gold-sets", 403, 403, 403, 200 },
        { "POST", "/api/v1/evaluations", 403, 403, 403, 400 },
        { "GET", "/api/v1/evaluations", 403, 403, 403, 200 },
        { "GET", "/api/v1/evaluations/prompt-versions", 403, 403, 403, 200 },
        { "GET", "/api/v1/evaluations/{evaluation}", 403, 403, 403, 404 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_ForEachCaller_GivesExpectedStatus(string method, string template, int viewer, int radiologist, int senior, int admin)
    {
        foreach (var caller in Callers)
        {
            var expected = caller switch
            {
                Caller.Viewer => viewer,
                Caller.Radiologist => radiologist,
                Caller.Senior => senior,
                Caller.Admin => admin,
                _ => 401,
            };
            using var client = await ClientAsync(caller);
            using var request = await BuildAsync(method, template);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            // Headers only: an event stream's body may not end, and its status is known before it starts.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            Assert.True(expected == (int)response.StatusCode, $"{method} {template} as {caller}: expected {expected}, got {(int)response.StatusCode} {body}");
            if (expected >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task PublicEndpoints_NeedNoToken()
    {
        using var client = App.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "x", password = "y" })).StatusCode);
    }

    private async Task<HttpRequestMessage> BuildAsync(string method, string template)
    {
        using var admin = await App.AdminAsync();
        var path = template;
        if (path.Contains("{id}"))
        {
            path = path.Replace("{id}", (await ReportsApiTests<SqliteAppFixture>.CreateAsync(admin, "Findings: lungs are clear.")).ToString());
        }

        if (path.Contains("{user}"))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = "m" + Guid.NewGuid().ToString("N")[..10], password = "password-123", role = "viewer" });
            path = path.Replace("{user}", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ToString());
        }

        if (path.Contains("{job}"))
        {
            path = path.Replace("{job}", (await FinishedJobAsync(admin)).ToString());
        }

        path = path.Replace("{type}/{language}", method switch { "GET" => "scoring/en", "PUT" => "classification/zh", _ => "extraction/en" });
        if (path.Contains("{annotation}"))
        {
            path = path.Replace("{annotation}", (await ReviewScenario.AnalysedHighlightAsync(admin)).ToString());
        }

        path = path.Replace("{addition}", "0").Replace("{evaluation}", "987654321");
        if (path.Contains("{case}"))
        {
            path = path.Replace("{case}", (await CriticalFindings.CriticalFindingScenario.OpenCaseAsync(admin)).ToString());
        }

        var request = new HttpRequestMessage(new HttpMethod(method), path);
        object? body = (method, template) switch
        {
            ("POST", "/api/v1/reports") => new { report_content = "Findings: normal." },
            ("PUT", "/api/v1/reports/{id}") => new { modality = "CT" },
            ("POST", "/api/v1/ai/analyze") => new { report_id = await ReportsApiTests<SqliteAppFixture>.CreateAsync(admin, "Findings: normal."), user_prompt = "", annotation_type = "classification", engine = "rules" },
            ("POST", "/api/v1/ai/analyze-text") => new { report_content = "Findings: normal.", user_prompt = "", annotation_type = "scoring", engine = "rules" },
            ("POST", "/api/v1/jobs") or ("POST", "/api/v1/ai/batch-analyze") => new { report_ids = new[] { await ReportsApiTests<SqliteAppFixture>.CreateAsync(admin, "Findings: normal.") }, user_prompt = "", annotation_type = "classification", engine = "rules" },
            ("POST", "/api/v1/users") => new { username = "n" + Guid.NewGuid().ToString("N")[..10], password = "password-123", role = "viewer" },
            ("PUT", "/api/v1/users/{user}/role") => new { role = "radiologist" },
            ("POST", "/api/v1/annotations/{annotation}/review") => new { items = new[] { new { item = "highlights/0", decision = "accept" } } },
            ("POST", "/api/v1/annotations/{annotation}/review/additions") => new { list = "highlights" },
            ("POST", "/api/v1/reviews/assignments") => new { annotation_ids = new[] { await ReviewScenario.AnalysedHighlightAsync(admin) }, reviewers = new[] { "radiologist1", TestServerSettings.AdminUser } },
            ("POST", "/api/v1/reviews/assignments/{annotation}/adjudication") => new { items = Array.Empty<object>() },
            ("POST", "/api/v1/critical-findings/{case}/acknowledge") => new { note = "called the ward" },
            ("POST", "/api/v1/critical-findings/{case}/dismiss") => new { reason = "old film" },
            ("POST", "/api/v1/evaluations") => new { engines = new[] { "rules" } },
            ("PUT", "/api/v1/prompts/{type}/{language}/examples") => new
            {
                examples = new[] { new { id = "auth-1", text = "右肺见结节。", language = "zh", modality = "CT", body_part = "胸部", urgency = "异常轻微", findings = new[] { new { text = "结节", abnormal = true } } } },
            },
            _ => null,
        };
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>
    /// A finished job (one report by the rules engine), so control requests get one answer, not a race. (A filter
    /// selecting no report made one at creation until such a filter became a 400.)
    /// </summary>
    private static async Task<long> FinishedJobAsync(HttpClient admin)
    {
        var report = await ReportsApiTests<SqliteAppFixture>.CreateAsync(admin, "Findings: normal.");
        var created = await admin.PostAsJsonAsync("/api/v1/jobs", new { report_ids = new[] { report }, user_prompt = "", annotation_type = "classification", engine = "rules" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetInt64();
        var job = await JobsTestData.WaitUntilFinishedAsync(admin, id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return id;
    }

    private async Task<HttpClient> ClientAsync(Caller caller)
    {
        switch (caller)
        {
            case Caller.Viewer: return await App.ViewerAsync();
            case Caller.Radiologist: return await App.RadiologistAsync();
            case Caller.Senior: return await App.SeniorAsync();
            case Caller.Admin: return await App.AdminAsync();
        }

        var client = App.Anonymous();
        if (caller == Caller.Expired)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(TestServerSettings.SecretKey, DateTime.UtcNow.AddHours(-2)));
        }
        else if (caller == Caller.WrongSignature)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("another-secret-key-that-is-long-enough-0123", DateTime.UtcNow));
        }

        return client;
    }

    private static string Token(string secret, DateTime issued) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "reportlens",
        Audience = "reportlens-api",
        IssuedAt = issued,
        NotBefore = issued,
        Expires = issued.AddMinutes(30),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        Subject = new ClaimsIdentity([new Claim("sub", "1"), new Claim("name", "admin"), new Claim("role", "admin")]),
    });
}
