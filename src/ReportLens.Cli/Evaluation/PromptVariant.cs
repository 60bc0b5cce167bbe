using ReportLens.Core.Annotations;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Cli.Evaluation;

/// <summary>
/// How an eval run prompts the model: zero-shot, or few-shot with the sets made from an example file (per type and
/// language; a language the file has no example of stays zero-shot).
/// </summary>
public sealed record PromptVariant(string Name, IReadOnlyDictionary<(AnnotationType, ReportLanguage), FewShotSet> Sets)
{
    public const string ZeroShot = "zero-shot";
    public const string FewShot = "few-shot";

    public static PromptVariant Zero { get; } = new(ZeroShot, new Dictionary<(AnnotationType, ReportLanguage), FewShotSet>());

    public FewShotSet For(AnnotationType type, ReportLanguage language) =>
        Sets.GetValueOrDefault((type, language)) ?? FewShotSet.None(type, language, PromptLibrary.Default.Version);
}
