using System.Text;
using System.Text.Json;
using CsCheck;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Fuzz;

/// <summary>
/// Issue 12's invariant over every /api endpoint, as admin and anonymous, on each database: whatever a client sends,
/// the answer is never a 5xx, and every 4xx is an RFC 9457 problem (application/problem+json with type, title, status).
/// Bounded: <see cref="RequestsPerEndpoint"/> generated requests per endpoint and method.
/// </summary>
public abstract class ApiFuzzTests<TFixture>(TFixture app) where TFixture : AppFixture
{
    private const int RequestsPerEndpoint = 30;

    [Fact]
    public async Task EveryApiEndpoint_ArbitraryInput_NeverA5xxAndEvery4xxIsAProblem()
    {
        app.SkipIfUnavailable();
        var endpoints = ApiSurface.Read(app.Services);
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} /api endpoints found: {string.Join(", ", endpoints)}");
        using var admin = await app.AdminAsync();
        using var anonymous = app.Anonymous();

        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            await FuzzRequests.For(endpoint).SampleAsync(
                async r =>
                {
                    Interlocked.Increment(ref sent);
                    await AssertInvariantAsync(r.AsAdmin ? admin : anonymous, r);
                },
                iter: RequestsPerEndpoint, threads: 2, print: r => r.ToString());
        }

        Assert.True(sent >= endpoints.Count * RequestsPerEndpoint, $"{sent} requests for {endpoints.Count} endpoints");
    }

    [Fact]
    public void Surface_FindsQueryAndBodyFieldsOfKnownEndpoints()
    {
        app.SkipIfUnavailable();
        var endpoints = ApiSurface.Read(app.Services);

        Assert.Contains(endpoints, e => e.Method == "POST" && e.Template == "/api/v1/auth/login" && e.BodyFields.Contains("username"));
        Assert.Contains(endpoints, e => e.Method == "GET" && e.Template == "/api/v1/reports" && e.QueryNames.Contains("urgency"));
    }

    private static async Task AssertInvariantAsync(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Endpoint.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status < 500, $"{status} for {request}: {text}");
        if (status < 400)
        {
            return;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{status} without a problem body ({response.Content.Headers.ContentType}) for {request}: {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), text);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()), text);
    }
}

public sealed class ApiFuzzSqliteTests(EmulatorAppFixture app) : ApiFuzzTests<EmulatorAppFixture>(app), IClassFixture<EmulatorAppFixture>;

public sealed class ApiFuzzPostgresTests(PostgresEmulatorAppFixture app) : ApiFuzzTests<PostgresEmulatorAppFixture>(app), IClassFixture<PostgresEmulatorAppFixture>;
