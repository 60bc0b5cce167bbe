using System.Net;
using System.Net.Http.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>Issue 12, item 11: the 429 is a problem like every other, with a type and Retry-After.</summary>
public sealed class RateLimitProblemTests(RateLimitedAppFixture app) : ApiTest<RateLimitedAppFixture>(app), IClassFixture<RateLimitedAppFixture>
{
    [Fact]
    public async Task RateLimited_Returns429ProblemWithTypeAndRetryAfter()
    {
        using var client = await App.RadiologistAsync();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/ai/analyze-text", new { report_content = "No acute findings.", annotation_type = "highlight", engine = "rules" });
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
