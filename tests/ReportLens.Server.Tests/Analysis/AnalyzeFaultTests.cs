using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReportLens.Data.Entities;
using ReportLens.Server.Tests.Api;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Analysis;

/// <summary>Emulator faults give the documented status, and nothing is lost or half-written.</summary>
public sealed class AnalyzeFaultTests(ShortTimeoutEmulatorAppFixture app) : ApiTest<ShortTimeoutEmulatorAppFixture>(app), IClassFixture<ShortTimeoutEmulatorAppFixture>
{
    [Fact]
    public async Task Analyze_WhenModelReturnsInvalidJsonTwice_Returns502AndKeepsRawReply()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var response = await AnalyzeWithFaultAsync(client, id, "invalid_json", "extraction");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        var annotationId = problem.GetProperty("annotation_id").GetInt64();

        await using var db = TestDb.Open(App);
        var failed = await db.Annotations.SingleAsync(a => a.Id == annotationId);
        Assert.Equal(AnnotationStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrEmpty(failed.RawReply));
        Assert.False(string.IsNullOrEmpty(failed.ErrorReason));
        Assert.Null(failed.ContentJson);
        Assert.Equal(1, failed.SchemaRepairs);
        Assert.Equal(1, await db.Annotations.CountAsync(a => a.ReportId == id));
        Assert.Null((await db.Reports.SingleAsync(r => r.Id == id)).LastAnalysedAt);
    }

    [Fact]
    public async Task Analyze_WhenFirstReplyIsInvalid_RepairsOnceAndSucceeds()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.EnglishCt);
        var response = await AnalyzeWithFaultAsync(client, id, "invalid_json_once", "classification");
        var body = await AnalyzeTests<EmulatorAppFixture>.Ok(response);
        Assert.Equal(1, body.GetProperty("schema_repairs").GetInt32());
        var factors = body.GetProperty("confidence_details").GetProperty("factors").EnumerateArray();
        Assert.Contains(factors, f => f.GetProperty("name").GetString() == "schema" && f.GetProperty("contribution").GetDouble() < 1);
    }

    [Theory]
    [InlineData("http500", HttpStatusCode.BadGateway)]
    [InlineData("busy", HttpStatusCode.ServiceUnavailable)]
    [InlineData("unknown_model", HttpStatusCode.ServiceUnavailable)]
    [InlineData("schema_violation", HttpStatusCode.BadGateway)]
    public async Task Analyze_EmulatorFault_ReturnsDocumentedStatusAndStoresNoSuccess(string fault, HttpStatusCode status)
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var response = await AnalyzeWithFaultAsync(client, id, fault, "highlight");
        await ProblemAssert.IsProblemAsync(response, status);
        await AssertNoSucceededAnnotationAsync(id);
    }

    [Fact]
    public async Task Analyze_WhenModelOnlyReasons_Returns502SayingSoNotASchemaFailure()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var response = await AnalyzeWithFaultAsync(client, id, "think_only", "highlight");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Model only reasoned and gave no answer", problem.GetProperty("title").GetString());
        await AssertNoSucceededAnnotationAsync(id);
    }

    [Fact]
    public async Task Analyze_ClientChosenModelNotPulled_Returns404ListingAvailableModels()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze", new
        {
            report_id = id,
            user_prompt = "",
            annotation_type = "highlight",
            engine = "llm",
            model = "missing-model:1b",
        });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("ollama pull missing-model:1b", problem.GetProperty("detail").GetString());
        Assert.Contains(problem.GetProperty("available_models").EnumerateArray(), m => m.GetString() == "qwen2.5:7b");
    }

    [Fact]
    public async Task Analyze_WhenModelHangs_Returns504WithinTheTimeout()
    {
        using var client = await App.RadiologistAsync();
        var id = await ReportsApiTests<EmulatorAppFixture>.CreateAsync(client, AnalyzeTests<EmulatorAppFixture>.ChestCt);
        var watch = Stopwatch.StartNew();
        var response = await AnalyzeWithFaultAsync(client, id, "timeout", "scoring");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("{\"report_id\": 1, \"user_prompt\": \"\", \"annotation_type\": \"summary\"}", "annotation_type")]
    [InlineData("{\"user_prompt\": \"\", \"annotation_type\": \"highlight\"}", "report_id")]
    [InlineData("{\"report_id\": 1, \"annotation_type\": \"highlight\"}", "user_prompt")]
    [InlineData("{\"report_id\": 1, \"user_prompt\": \"\", \"annotation_type\": \"highlight\", \"temperature\": 5}", "temperature")]
    [InlineData("{\"report_id\": 1, \"user_prompt\": \"\", \"annotation_type\": \"highlight\", \"engine\": \"gpt\"}", "engine")]
    [InlineData("{\"report_id\": 1, \"user_prompt\": \"\", \"annotation_type\": \"highlight\", \"cache\": \"never\"}", "cache")]
    public async Task Analyze_InvalidField_Returns400NamingIt(string json, string field)
    {
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsync("/api/v1/ai/analyze", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("{\"report_id\": \"one\", \"user_prompt\": \"\", \"annotation_type\": \"highlight\"}")]
    [InlineData("{\"report_id\": 1, \"user_prompt\": [], \"annotation_type\": \"highlight\"}")]
    [InlineData("not json")]
    public async Task Analyze_WrongJsonTypes_Returns400Problem(string json)
    {
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsync("/api/v1/ai/analyze", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Analyze_UnknownReport_Returns404Problem()
    {
        using var client = await App.RadiologistAsync();
        var response = await client.PostAsJsonAsync("/api/v1/ai/analyze", new { report_id = 987654, user_prompt = "", annotation_type = "highlight" });
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Asks the LLM to analyse a stored report with an emulator fault in the prompt.</summary>
    private static Task<HttpResponseMessage> AnalyzeWithFaultAsync(HttpClient client, int reportId, string fault, string annotationType) =>
        client.PostAsJsonAsync("/api/v1/ai/analyze", new
        {
            report_id = reportId,
            user_prompt = $"[[emulator:fault={fault}]]",
            annotation_type = annotationType,
            engine = "llm",
        });

    private async Task AssertNoSucceededAnnotationAsync(int reportId)
    {
        await using var db = TestDb.Open(App);
        Assert.Equal(0, await db.Annotations.CountAsync(a => a.ReportId == reportId && a.Status == AnnotationStatus.Succeeded));
    }
}
