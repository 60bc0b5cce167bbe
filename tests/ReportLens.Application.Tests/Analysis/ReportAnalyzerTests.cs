using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportLens.Application.Analysis;
using ReportLens.Core.Annotations;
using ReportLens.Core.Json;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;
using ReportLens.Llm;
using ReportLens.OllamaEmulator;
using ReportLens.Llm.Options;

namespace ReportLens.Application.Tests.Analysis;

/// <summary>ReportAnalyzer against an emulator: the hybrid merge's grounding and the result cache's fingerprint.</summary>
public sealed class ReportAnalyzerTests
{
    private const string Report = "检查所见：右肺上叶见一结节，大小约8mm×6mm。心影不大。\n诊断意见：右肺上叶结节，建议随访。";
    private const string Evidence = "右肺上叶见一结节";

    [Fact]
    public async Task Hybrid_ItemTakenFromTheRulesEngine_HasItsEvidenceGrounded()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), ct);
        using var host = new LlmTestHost(emulator.BaseUrl.ToString());
        var analyzer = new ReportAnalyzer(new CriticalRules(), host.Annotator, new AnalyzerStubs.NoStatus(), Options.Create(new OllamaOptions()), TimeProvider.System);

        var outcome = await analyzer.AnalyzeAsync(new AnalysisRequest(Report, ReportLanguage.Zh, AnnotationType.Classification, "", EngineKind.Hybrid), ct);

        // 紧急程度 takes the more severe answer, so the rules engine's 危急 wins whatever the model said.
        var urgency = Assert.Single(outcome.Content.Deserialize<ClassificationContent>(ReportLensJson.Options)!.Classifications, c => c.Dimension == "紧急程度");
        Assert.Equal(("危急", Evidence), (urgency.Category, urgency.Evidence));
        Assert.Equal(GroundingMatch.Exact, urgency.EvidenceGrounding?.Match);
        Assert.Equal(Report.IndexOf(Evidence, StringComparison.Ordinal), urgency.EvidenceGrounding!.Start);
    }

    [Fact]
    public void Fingerprint_ModelNamedWithOrWithoutItsLatestTag_IsTheSame()
    {
        using var host = new LlmTestHost("http://127.0.0.1:9");
        var analyzer = new ReportAnalyzer(new CriticalRules(), host.Annotator, new AnalyzerStubs.NoStatus(), Options.Create(new OllamaOptions()), TimeProvider.System);
        AnalysisRequest For(string model) => new(Report, ReportLanguage.Zh, AnnotationType.Highlight, "", EngineKind.Llm, model);

        Assert.Equal(analyzer.Fingerprint(For("qwen2.5"), EngineKind.Llm), analyzer.Fingerprint(For(" qwen2.5:latest"), EngineKind.Llm));
        Assert.NotEqual(analyzer.Fingerprint(For("qwen2.5"), EngineKind.Llm), analyzer.Fingerprint(For("qwen2.5:7b"), EngineKind.Llm));
    }

    /// <summary>A rules engine whose classification, like the real one's, carries evidence text without a span.</summary>
    private sealed class CriticalRules : IRulesEngine
    {
        public AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language) => new ClassificationContent
        {
            Classifications = [new ClassificationItem { Dimension = "紧急程度", Category = "危急", Confidence = 0.9, Evidence = Evidence }],
        };
    }
}
