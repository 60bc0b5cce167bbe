using ReportLens.Core.Annotations;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.Llm.Backends;

namespace ReportLens.Llm.Tests;

/// <summary>Issue 16: which endpoint gets de-identified text, and what then goes over the wire.</summary>
public sealed class BackendPrivacyTests
{
    private const string ValidExtraction = """{"findings": ["右肺上叶见结节影"], "measurements": [], "locations": ["右肺上叶"], "impression": ""}""";

    private const string Report = "姓名：张伟  住院号：ZY20230517  身份证号：110105198003071234\n" + SampleReports.Chinese + "\n报告医师：李明";

    private static readonly string[] Identifiers = ["张伟", "ZY20230517", "110105198003071234", "李明"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(LlmBackendKind.Ollama, "http://127.0.0.1:11434", null, false, false)]
    [InlineData(LlmBackendKind.Ollama, "http://localhost:11434", null, false, false)]
    [InlineData(LlmBackendKind.Ollama, "http://gpu1.hospital.local:11434", null, false, true)]
    [InlineData(LlmBackendKind.Ollama, "http://gpu1.hospital.local:11434", null, true, false)]
    [InlineData(LlmBackendKind.Ollama, "http://127.0.0.1:11434", true, false, true)]
    [InlineData(LlmBackendKind.OpenAi, "http://127.0.0.1:8000/v1", null, false, true)]
    [InlineData(LlmBackendKind.OpenAi, "https://api.vendor.example/v1", null, true, false)]
    [InlineData(LlmBackendKind.OpenAi, "https://api.vendor.example/v1", true, true, true)]
    [InlineData(LlmBackendKind.OpenAi, "https://api.vendor.example/v1", false, false, false)]
    public void Deidentifies_ExplicitSettingWins_ElseOpenAiOrOffMachineUnlessTrusted(
        LlmBackendKind kind, string url, bool? setting, bool trusted, bool expected) =>
        Assert.Equal(expected, BackendPrivacy.Deidentifies(kind, new Uri(url), setting, trusted));

    [Fact]
    public async Task OpenAiEndpoint_ByDefault_GetsNoIdentifierAndTheResultCarriesTheMapBack()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction);
        using var llm = OpenAiHost(server, trusted: false);
        await llm.Pool.RefreshAsync(Ct);

        var result = await llm.Annotator.AnnotateAsync(Request(), Ct);

        var sent = Assert.Single(server.Requests).ToJsonString();
        Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, sent, StringComparison.Ordinal));
        Assert.Contains("[姓名1]", System.Text.RegularExpressions.Regex.Unescape(sent), StringComparison.Ordinal);
        Assert.NotNull(result.Deidentified);
        Assert.Equal(Report, result.Deidentified.OriginalText);
        Assert.True(Assert.Single(llm.Pool.GetBackendsSnapshot(), b => b.Kind == LlmBackendKind.OpenAi).Deidentify);
    }

    [Fact]
    public async Task OpenAiEndpoint_MarkedTrusted_GetsTheOriginalText()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction);
        using var llm = OpenAiHost(server, trusted: true);
        await llm.Pool.RefreshAsync(Ct);

        var result = await llm.Annotator.AnnotateAsync(Request(), Ct);

        Assert.Contains("110105198003071234", Assert.Single(server.Requests).ToJsonString(), StringComparison.Ordinal);
        Assert.Null(result.Deidentified);
    }

    [Fact]
    public async Task OllamaOnLoopback_GetsTheOriginal_UnlessOllamaDeidentifyIsTrue()
    {
        await using var server = await WireCaptureServer.StartAsync(ValidExtraction, ValidExtraction);
        using (var local = new LlmTestHost(server.BaseUrl.ToString()))
        {
            Assert.Null((await local.Annotator.AnnotateAsync(Request(model: null), Ct)).Deidentified);
        }

        using var marked = new LlmTestHost(server.BaseUrl.ToString(), ("OLLAMA_DEIDENTIFY", "true"));
        Assert.NotNull((await marked.Annotator.AnnotateAsync(Request(model: null), Ct)).Deidentified);

        var sent = server.Requests.Select(r => r.ToJsonString()).ToList();
        Assert.Contains("110105198003071234", sent[0], StringComparison.Ordinal);
        Assert.DoesNotContain("110105198003071234", sent[1], StringComparison.Ordinal);
    }

    private static AnalysisRequest Request(string? model = "m1") => new(Report, ReportLanguage.Zh, AnnotationType.Extraction, "提取发现", Model: model);

    private static LlmTestHost OpenAiHost(WireCaptureServer server, bool trusted) => new(
        server.BaseUrl.ToString(),
        ("Llm:OpenAiEndpoints:0:Name", "vendor"),
        ("Llm:OpenAiEndpoints:0:Url", new Uri(server.BaseUrl, "v1").ToString()),
        ("Llm:OpenAiEndpoints:0:Models:0", "m1"),
        ("Llm:OpenAiEndpoints:0:Trusted", trusted ? "true" : "false"));
}
