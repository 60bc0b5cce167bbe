using System.Net;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Health;

/// <summary>The LLM backend pool is an ASP.NET Core health check, read through GET /health (all checks).</summary>
public abstract class LlmPoolHealthTests<TFixture>(TFixture app, HttpStatusCode code, string status) : ApiTest<TFixture>(app)
    where TFixture : AppFixture
{
    [Fact]
    public async Task Health_ThisPool_ReportsItsStatus()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal((code, status), (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}

public sealed class LlmPoolHealthyTests(EmulatorAppFixture app)
    : LlmPoolHealthTests<EmulatorAppFixture>(app, HttpStatusCode.OK, "Healthy"), IClassFixture<EmulatorAppFixture>;

public sealed class LlmPoolDegradedTests(HalfOutEmulatorAppFixture app)
    : LlmPoolHealthTests<HalfOutEmulatorAppFixture>(app, HttpStatusCode.OK, "Degraded"), IClassFixture<HalfOutEmulatorAppFixture>;

/// <summary>No LLM at all: unhealthy (503) although analyses still run on the rules engine; /health/ready stays 200.</summary>
public sealed class LlmPoolUnhealthyTests(SqliteAppFixture app)
    : LlmPoolHealthTests<SqliteAppFixture>(app, HttpStatusCode.ServiceUnavailable, "Unhealthy"), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Ready_NoLlm_StaysReady()
    {
        App.SkipIfUnavailable();
        using var client = App.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }
}
