using System.Net.Http.Json;
using System.Text.Json;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Api;

/// <summary>Clients generated from the OpenAPI document can use every filter the list endpoints accept.</summary>
public sealed class OpenApiDocumentTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    public static readonly TheoryData<string, string[]> FilteredLists = new()
    {
        { "/api/v1/reports", ["page", "page_size", "q", "modality", "body_part", "date_from", "date_to", "urgency", "analysed"] },
        { "/api/v1/audit", ["page", "page_size", "report_id", "user_id", "username", "action", "from", "to"] },
        { "/api/v1/audit/export", ["report_id", "user_id", "username", "action", "from", "to"] },
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

    /// <summary>The GET operation of a path, whether the document writes it with a trailing slash or not.</summary>
    private static JsonElement Operation(JsonElement document, string path)
    {
        var paths = document.GetProperty("paths");
        var item = paths.TryGetProperty(path, out var exact) ? exact : paths.GetProperty(path + "/");
        return item.GetProperty("get");
    }
}
