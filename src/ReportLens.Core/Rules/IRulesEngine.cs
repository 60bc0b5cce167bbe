using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules;

/// <summary>The deterministic clinical engine: all four annotation types with no model, grounded by construction.</summary>
public interface IRulesEngine
{
    AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language);

    /// <summary>As <see cref="Analyze(string, AnnotationType, ReportLanguage)"/>, stopping with <see cref="OperationCanceledException"/> once <paramref name="ct"/> is cancelled.</summary>
    AnnotationContent Analyze(string reportText, AnnotationType type, ReportLanguage language, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Analyze(reportText, type, language);
    }
}
