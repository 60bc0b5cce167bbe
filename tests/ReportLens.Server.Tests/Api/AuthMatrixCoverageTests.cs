using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

/// <summary>The auth matrix keeps up with the app: a new route under /api fails here until it gets a row.</summary>
public sealed partial class AuthMatrixCoverageTests
{
    /// <summary>Open to anyone by design; <see cref="AuthMatrixTests.PublicEndpoints_NeedNoToken"/> covers them.</summary>
    private static readonly string[] Public = ["GET /api/v1/health", "POST /api/v1/auth/login"];

    [Fact]
    public async Task Matrix_CoversEveryApiRoute()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var factory = new ReportLensAppFactory<Program>(TestServerSettings.Defaults(database.Url, "http://127.0.0.1:9"));
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => Template(e.RoutePattern.RawText).StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {Template(e.RoutePattern.RawText)}"))
            .ToHashSet();
        var matrix = AuthMatrixTests.Endpoints.Select(row => $"{row.Data.Item1} {Template(row.Data.Item2)}").ToHashSet();

        var missing = routes.Except(matrix).Except(Public).Order(StringComparer.Ordinal).ToList();
        var unknown = matrix.Except(routes).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"routes without a row in the auth matrix: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"auth matrix rows that match no route: {string.Join(", ", unknown)}");
        Assert.Subset(routes, Public.ToHashSet());
    }

    /// <summary>"/api/v1/jobs/{id:long}/" and "/api/v1/jobs/{job}" are the same route: parameters and trailing slash aside.</summary>
    private static string Template(string? raw) => "/" + RouteParameter().Replace(raw ?? "", "{}").Trim('/');

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
