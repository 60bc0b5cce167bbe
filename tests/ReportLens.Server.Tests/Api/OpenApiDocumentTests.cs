using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

/// <summary>
/// Clients generated from the OpenAPI document can use every filter the list endpoints accept, and know every
/// operation by name, summary and the problems it answers with.
/// </summary>
public sealed partial class OpenApiDocumentTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    public static readonly TheoryData<string, string[]> FilteredLists = new()
    {
        { "/api/v1/reports", ["page", "page_size", "q", "modality", "body_part", "date_from", "date_to", "urgency", "analysed", "deidentify"] },
        { "/api/v1/audit", ["page", "page_size", "report_id", "user_id", "username", "action", "from", "to"] },
        { "/api/v1/audit/export", ["report_id", "user_id", "username", "action", "from", "to"] },
        { "/api/v1/usage", ["from", "to", "group_by"] },
    };

    [Theory]
    [MemberData(nameof(FilteredLists))]
    public async Task OpenApi_ListEndpoint_DocumentsEveryFilterAsOptionalQueryParameter(string path, string[] filters)
    {
        using var client = App.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var parameters = Operation(document, path).GetProperty("parameters").EnumerateArray().ToList();

        Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        Assert.Equal(filters.Order(StringComparer.Ordinal), parameters.Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.False(p.TryGetProperty("required", out var required) && required.GetBoolean()));
    }

    [Fact]
    public async Task OpenApi_ReportList_DocumentsFilterTypes()
    {
        using var client = App.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var parameters = Operation(document, "/api/v1/reports").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema").GetRawText());

        Assert.Contains("integer", parameters["page_size"]);
        Assert.Contains("date", parameters["date_from"]);
        Assert.Contains("boolean", parameters["analysed"]);
    }

    [Fact]
    public async Task OpenApi_EveryApiOperation_HasNameSummaryAndItsProblemResponses()
    {
        using var client = App.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var authenticated = AuthenticatedOperations(App.Services);

        var operations = ApiOperations(document).ToList();
        var gaps = operations.SelectMany(o => Gaps(o.Key, o.Operation, authenticated)).ToList();

        Assert.True(operations.Count >= 30, $"only {operations.Count} /api operations in the document");
        Assert.True(gaps.Count == 0, "OpenAPI gaps:\n" + string.Join("\n", gaps));
        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("/api/v1/ai/analyze", "report_id")]
    [InlineData("/api/v1/ai/analyze-text", "report_content")]
    [InlineData("/api/v1/ai/batch-analyze", "report_ids")]
    [InlineData("/api/v1/jobs", "report_ids")]
    public async Task OpenApi_AnalysisBodies_DocumentTheOptionsAsFlatFieldsRequiredAsTheirRulesSay(string path, string ownField)
    {
        using var client = App.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var schema = RequestSchema(document, path);
        var properties = schema.GetProperty("properties");

        Assert.All(["user_prompt", "annotation_type", "temperature", "model", "engine", "cache", ownField], name => Assert.True(properties.TryGetProperty(name, out _), $"{path}: no {name} in {schema}"));
        Assert.False(schema.TryGetProperty("allOf", out _), $"{path}: the options are not flat: {schema}");
        var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("user_prompt", required);
        Assert.Contains("annotation_type", required);
        Assert.DoesNotContain("engine", required);
    }

    /// <summary>What a client needs and does not find: the rules every /api operation keeps.</summary>
    private static IEnumerable<string> Gaps(string key, JsonElement operation, IReadOnlySet<string> authenticated)
    {
        if (!operation.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
        {
            yield return $"{key}: no operationId (WithName)";
        }

        if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
        {
            yield return $"{key}: no summary (WithSummary)";
        }

        var responses = operation.GetProperty("responses");
        var takesInput = operation.TryGetProperty("requestBody", out _)
            || (operation.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"));
        var expected = new List<string>();
        if (authenticated.Contains(key))
        {
            expected.Add("401");
        }

        if (takesInput)
        {
            expected.Add("400");
        }

        // a PUT that sets a resource whatever was there (the few-shot examples of a type and language) finds nothing missing
        if (key.Contains('{', StringComparison.Ordinal) && key != "PUT /api/v1/prompts/{}/{}/examples")
        {
            expected.Add("404");
        }

        foreach (var status in expected.Where(s => !responses.TryGetProperty(s, out _)))
        {
            yield return $"{key}: no {status} response";
        }

        foreach (var problem in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
        {
            if (!problem.Value.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out _))
            {
                yield return $"{key}: {problem.Name} is not application/problem+json";
            }
        }
    }

    private static IEnumerable<(string Key, JsonElement Operation)> ApiOperations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/", StringComparison.Ordinal)
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "post" or "put" or "delete" or "patch"
        select ($"{operation.Name.ToUpperInvariant()} {Template(path.Name)}", operation.Value);

    /// <summary>"METHOD /template" of every /api endpoint that requires a signed-in user, read from the running server.</summary>
    private static HashSet<string> AuthenticatedOperations(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {Template(e.RoutePattern.RawText ?? "")}"))];

    /// <summary>"/api/v1/jobs/{id:long}/" and "/api/v1/jobs/{id}" are the same route: constraints and trailing slash aside.</summary>
    private static string Template(string raw) => "/" + RouteParameter().Replace(raw, "{}").Trim('/');

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>The JSON body schema of the POST operation of a path, its $ref followed.</summary>
    private static JsonElement RequestSchema(JsonElement document, string path)
    {
        var paths = document.GetProperty("paths");
        var item = paths.TryGetProperty(path, out var exact) ? exact : paths.GetProperty(path + "/");
        var schema = item.GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }

    /// <summary>The GET operation of a path, whether the document writes it with a trailing slash or not.</summary>
    private static JsonElement Operation(JsonElement document, string path)
    {
        var paths = document.GetProperty("paths");
        var item = paths.TryGetProperty(path, out var exact) ? exact : paths.GetProperty(path + "/");
        return item.GetProperty("get");
    }
}
