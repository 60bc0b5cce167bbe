using ReportLens.Core.Annotations;
using ReportLens.Core.Rules;
using ReportLens.Core.Text;
using ReportLens.Llm.Analysis;

namespace ReportLens.Application.Tests.Analysis;

/// <summary>For ReportAnalyzer tests that name the engine: no status is asked for; the rules engine must not run for engine llm.</summary>
internal static class AnalyzerStubs
{
    public sealed class NoRules : IRulesEngine
    {
        public AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language) => throw new InvalidOperationException("LLM only");
    }

    public sealed class NoStatus : ILlmStatusProvider
    {
        public Task<LlmStatus> GetStatusAsync(CancellationToken ct) => throw new InvalidOperationException("the engine is given");

        public Task<LlmStatus> GetLatestStatusAsync(CancellationToken ct) => throw new InvalidOperationException("the engine is given");
    }
}
