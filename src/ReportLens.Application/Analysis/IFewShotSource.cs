using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Analysis;

/// <summary>Where the analyzer finds the example set of a type and language (docs/llm.md, few-shot examples).</summary>
public interface IFewShotSource
{
    /// <summary>The stored set; null when there is none.</summary>
    Task<FewShotSet?> FindAsync(AnnotationType type, ReportLanguage language, CancellationToken ct);
}
