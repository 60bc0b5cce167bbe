using System.Net;
using System.Net.Http.Json;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>Issue 12 item 3: batches and jobs count against a per-user hourly budget and a per-role job size.</summary>
public sealed class BatchQuotaTests(BatchQuotaAppFixture app) : ApiTest<BatchQuotaAppFixture>(app), IClassFixture<BatchQuotaAppFixture>
{
    private const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    [Fact]
    public async Task Batches_WhileAnalyzeIsRateLimited_StopAtTheHourlyItemBudgetWith429()
    {
        using var radiologist = await RadiologistAsync("quota-rad");
        var ids = await ReportsAsync(radiologist, 5);
        var analyze = new { report_id = ids[0], user_prompt = "", annotation_type = "classification", engine = "rules" };
        for (var i = 0; i < 3; i++)
        {
            (await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", analyze)).EnsureSuccessStatusCode();
        }

        var limited = await ProblemAssert.IsProblemAsync(await radiologist.PostAsJsonAsync("/api/v1/ai/analyze", analyze), HttpStatusCode.TooManyRequests);
        Assert.Equal(TooManyRequestsType, limited.GetProperty("type").GetString());

        var batch = new { report_ids = ids, user_prompt = "", annotation_type = "classification", engine = "rules" };
        (await radiologist.PostAsJsonAsync("/api/v1/ai/batch-analyze", batch)).EnsureSuccessStatusCode();
        (await radiologist.PostAsJsonAsync("/api/v1/jobs", batch)).EnsureSuccessStatusCode();

        var over = await radiologist.PostAsJsonAsync("/api/v1/ai/batch-analyze", batch);
        var problem = await ProblemAssert.IsProblemAsync(over, HttpStatusCode.TooManyRequests);
        Assert.Equal(TooManyRequestsType, problem.GetProperty("type").GetString());
        Assert.Contains("BATCH_ITEMS_PER_HOUR", problem.GetProperty("detail").GetString());
        var retry = over.Headers.RetryAfter?.Delta;
        Assert.True(retry is { } r && r > TimeSpan.Zero && r <= TimeSpan.FromHours(1), $"Retry-After {retry}");

        var oneMore = new { report_ids = ids.Take(1), user_prompt = "", annotation_type = "classification", engine = "rules" };
        await ProblemAssert.IsProblemAsync(await radiologist.PostAsJsonAsync("/api/v1/jobs", oneMore), HttpStatusCode.TooManyRequests);

        // The budget is the user's own: another account still runs batches.
        using var admin = await App.AdminAsync();
        (await admin.PostAsJsonAsync("/api/v1/ai/batch-analyze", oneMore)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task CreateJob_LargerThanTheRolesCap_Returns400_WhileAnAdminMayRunIt()
    {
        using var radiologist = await RadiologistAsync("cap-rad");
        var ids = await ReportsAsync(radiologist, 6);
        var job = new { report_ids = ids, user_prompt = "", annotation_type = "classification", engine = "rules" };

        var refused = await ProblemAssert.IsProblemAsync(await radiologist.PostAsJsonAsync("/api/v1/jobs", job), HttpStatusCode.BadRequest);
        Assert.Contains("at most 5", Problem(refused));
        await ProblemAssert.IsProblemAsync(await radiologist.PostAsJsonAsync("/api/v1/ai/batch-analyze", job), HttpStatusCode.BadRequest);

        using var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/jobs", job)).StatusCode);

        static string Problem(System.Text.Json.JsonElement body) => body.GetProperty("errors").GetProperty("report_ids")[0].GetString()!;
    }

    /// <summary>A radiologist of this test alone, so the hourly budget used by one test does not leak into another.</summary>
    private async Task<HttpClient> RadiologistAsync(string username)
    {
        using var admin = await App.AdminAsync();
        (await admin.PostAsJsonAsync("/api/v1/users", new { username, password = "quota-password-1", role = "radiologist" })).EnsureSuccessStatusCode();
        return await App.ClientAsync(username, "quota-password-1");
    }

    private static async Task<int[]> ReportsAsync(HttpClient client, int count)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await ReportsApiTests<BatchQuotaAppFixture>.CreateAsync(client, $"Findings: small nodule number {i}. Impression: follow-up.");
        }

        return ids;
    }
}
