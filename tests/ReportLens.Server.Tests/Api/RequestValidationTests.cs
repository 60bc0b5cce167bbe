using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Tests.Reviews;

namespace ReportLens.Server.Tests.Api;

/// <summary>
/// Request bodies are checked by ASP.NET Core's built-in validation (attributes on the request records) before the
/// handler runs; clients still see RFC 9457 400s whose <c>errors</c> are keyed by the snake_case JSON names.
/// </summary>
public sealed partial class RequestValidationTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Analyze_MissingReportId_Returns400KeyedReportIdWithTheApiMessage()
    {
        using var client = await App.RadiologistAsync();

        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { user_prompt = "", annotation_type = "highlight" });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["report_id"], errors.Keys);
        Assert.Equal(["report_id is required and must be a positive integer"], errors["report_id"]);
    }

    [Fact]
    public async Task Analyze_OutOfRangeValues_Returns400NamingEachField()
    {
        using var client = await App.RadiologistAsync();

        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze",
            new { report_id = 0, user_prompt = new string('x', 4001), annotation_type = "summary", temperature = 2.5, engine = "gpt", cache = "never", model = "bad model" });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["annotation_type", "cache", "engine", "model", "report_id", "temperature", "user_prompt"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["temperature must be between 0 and 2"], errors["temperature"]);
        Assert.Equal(["user_prompt must be at most 4000 characters"], errors["user_prompt"]);
        Assert.Equal(["report_id is required and must be a positive integer"], errors["report_id"]);
    }

    [Fact]
    public async Task CreateReport_MissingContentAndOverlongCodes_Returns400WithEveryError()
    {
        using var client = await App.RadiologistAsync();

        var response = await client.PostAsJsonAsync("/api/v1/reports",
            new { report_content = "  ", accession_number = new string('A', 65), modality = new string('M', 33), language = "fr" });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["report_content is required"], errors["report_content"]);
        Assert.Equal(["accession_number must be at most 64 characters"], errors["accession_number"]);
        Assert.Equal(["modality must be at most 32 characters"], errors["modality"]);
        Assert.Equal(["language must be 'zh' or 'en'"], errors["language"]);
    }

    // Each body also breaks a rule of its own, so the options' errors must come from the same (first) stage.
    [Theory]
    [InlineData("/api/v1/ai/analyze", """{"report_id": 0}""", "report_id")]
    [InlineData("/api/v1/ai/analyze-text", """{"report_content": "Findings: normal.", "language": "fr"}""", "language")]
    [InlineData("/api/v1/ai/batch-analyze", """{"report_ids": []}""", "report_ids")]
    [InlineData("/api/v1/jobs", """{"report_ids": [1], "filter": {"modality": "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM"}}""", "filter.modality")]
    public async Task AnalysisBodies_BadOptions_Return400NamingEveryOptionOnceWithTheBodysOwnField(string path, string body, string ownField)
    {
        using var client = await App.AdminAsync();
        var options = """, "user_prompt": null, "annotation_type": "summary", "temperature": 5, "engine": "gpt", "cache": "never", "model": "bad model"}""";

        var response = await PostJsonAsync(client, path, body[..^1] + options);

        var errors = await ErrorsAsync(response);
        Assert.Equal(new[] { "annotation_type", "cache", "engine", "model", "temperature", "user_prompt", ownField }.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["temperature must be between 0 and 2"], errors["temperature"]);
        Assert.Equal(["user_prompt is required (it may be empty)"], errors["user_prompt"]);
    }

    [Fact]
    public async Task CreateJob_OverlongFilterCodes_Returns400KeyedByFilterPath()
    {
        using var client = await App.RadiologistAsync();

        var response = await client.PostAsJsonAsync("/api/v1/jobs", new
        {
            filter = new { modality = new string('M', 33), body_part = new string('B', 33) },
            user_prompt = "",
            annotation_type = "highlight",
            engine = "rules",
        });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["filter.body_part", "filter.modality"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["modality must be at most 32 characters"], errors["filter.modality"]);
    }

    [Theory]
    [InlineData("/api/v1/annotations/{0}/review")]
    [InlineData("/api/v1/reviews/assignments/{0}/adjudication")]
    public async Task ReviewBodies_NullItem_Returns400KeyedItems(string pathOfAnnotation)
    {
        using var client = await App.AdminAsync();
        var annotation = await ReviewScenario.AnalysedHighlightAsync(client);

        var response = await PostJsonAsync(client, string.Format(CultureInfo.InvariantCulture, pathOfAnnotation, annotation), """{"items": [null]}""");

        var errors = await ErrorsAsync(response);
        Assert.Equal(["items"], errors.Keys);
        Assert.Equal(["items must not contain null"], errors["items"]);
    }

    [Theory]
    [InlineData("""{"engines": ["rules"]}""")]
    [InlineData("""{"gold_set_id": 0, "engines": ["rules"]}""")]
    public async Task StartEvaluation_MissingOrNonPositiveGoldSet_Returns400KeyedGoldSetId(string body)
    {
        using var client = await App.AdminAsync();

        var response = await PostJsonAsync(client, "/api/v1/evaluations", body);

        var errors = await ErrorsAsync(response);
        Assert.Equal(["gold_set_id"], errors.Keys);
        Assert.Equal(["gold_set_id is required and must be a positive integer"], errors["gold_set_id"]);
    }

    [Fact]
    public async Task StartEvaluation_NullListEntries_Returns400NamingEachList()
    {
        using var client = await App.AdminAsync();

        var response = await PostJsonAsync(client, "/api/v1/evaluations",
            """{"gold_set_id": 1, "engines": ["llm", null], "models": [null], "prompt_versions": [null]}""");

        var errors = await ErrorsAsync(response);
        Assert.Equal(["engines", "models", "prompt_versions"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["engines must not contain null"], errors["engines"]);
    }

    [Fact]
    public async Task EveryJsonBodyEndpoint_EmptyOrWrongBody_KeysErrorsBySnakeCaseJsonNames()
    {
        using var client = await App.AdminAsync();
        var checkedEndpoints = new List<string>();
        var badKeys = new List<string>();

        foreach (var (method, path) in JsonBodyEndpoints(App.Services))
        {
            foreach (var body in new[] { "{}", WrongValues })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    continue;
                }

                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
                if (!problem.TryGetProperty("errors", out var errors))
                {
                    continue;
                }

                checkedEndpoints.Add($"{method} {path}");
                badKeys.AddRange(errors.EnumerateObject().Select(e => e.Name).Where(k => !SnakeCasePath().IsMatch(k)).Select(k => $"{method} {path}: {k}"));
            }
        }

        Assert.True(checkedEndpoints.Distinct().Count() >= 10, "too few endpoints answered with validation errors: " + string.Join(", ", checkedEndpoints.Distinct()));
        Assert.True(badKeys.Count == 0, "error keys not in snake_case:\n" + string.Join("\n", badKeys));
    }

    // Wrong values of the fields the request records share, nested entries included, so nested paths are keyed too.
    private const string WrongValues = """
        {"report_id": -1, "report_ids": [], "annotation_type": "nope", "user_prompt": null, "temperature": 9, "engine": "x",
         "items": [{"item": null, "decision": null}], "role": "nobody", "username": "", "password": "", "reason": "",
         "filter": {"date_from": "2026-02-01", "date_to": "2026-01-01"}, "examples": [{}], "list": "nope", "start": -1, "end": -2}
        """;

    /// <summary>"METHOD /path" of every /api endpoint that reads a JSON body, route values set to 1.</summary>
    private static IEnumerable<(string Method, string Path)> JsonBodyEndpoints(IServiceProvider services) =>
        from endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let raw = endpoint.RoutePattern.RawText ?? ""
        where raw.StartsWith("/api/", StringComparison.Ordinal)
            && endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true
        from method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []
        select (method, RouteParameter().Replace(raw, "1"));

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("One or more validation errors occurred.", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("trace_id", out _), problem.ToString());
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\[\d+\])?(\.[a-z][a-z0-9_]*(\[\d+\])?)*$")]
    private static partial Regex SnakeCasePath();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
