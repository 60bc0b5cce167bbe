using System.Net;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ReportLens.Server.Tests.Observability;

public sealed class MetricsEndpointTests
{
    private const string Token = "test-metrics-token-0123456789abcdef";

    [Fact]
    public async Task Metrics_WithTokenConfiguredAndNoHeader_Returns401WithBearerChallenge()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?> { ["METRICS_TOKEN"] = Token });
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_WithWrongToken_Returns403EvenFromLoopback()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?> { ["METRICS_TOKEN"] = Token });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("reportlens_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metrics_WithRightToken_Returns200AndPrometheusText()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?> { ["METRICS_TOKEN"] = Token });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("# TYPE reportlens_llm_requests_total counter", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutTokenFromLoopback_Returns200()
    {
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>());
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithoutTokenFromNonLoopbackAddress_Returns403()
    {
        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.SkipWhen(external is null, "this machine has no non-loopback IPv4 address to connect from");
        await using var host = await ObservabilityHost.StartAsync(new Dictionary<string, string?>(), external);
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        using var api = await client.GetAsync("/api/v1/reports/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Metrics_WhenAppRequiresAuthenticationByDefault_StillAnswersItsOwnCheck()
    {
        await using var host = await ObservabilityHost.StartAsync(
            new Dictionary<string, string?>(),
            configure: b =>
            {
                b.Services.AddAuthentication().AddJwtBearer();
                b.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            },
            configureApp: a =>
            {
                a.UseAuthentication();
                a.UseAuthorization();
            });
        using var client = host.CreateClient();

        using var api = await client.GetAsync("/api/v1/reports/1", TestContext.Current.CancellationToken);
        using var metrics = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }
}
