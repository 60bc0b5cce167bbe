using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Application.Analysis;

/// <summary>The analysis stack without a database (CLI text analysis, eval): zero-shot unless a request brings examples.</summary>
public sealed class NoFewShotSource : IFewShotSource
{
    public static readonly NoFewShotSource Instance = new();

    public Task<FewShotSet?> FindAsync(AnnotationType type, ReportLanguage language, CancellationToken ct) => Task.FromResult<FewShotSet?>(null);
}
