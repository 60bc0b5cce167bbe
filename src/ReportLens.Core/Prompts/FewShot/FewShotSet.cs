using System.Security.Cryptography;
using System.Text;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Prompts.FewShot;

/// <summary>
/// The examples sent before a report of one annotation type and language, and the prompt version they make: the
/// library's version, plus "+fs." and a hash of the examples when there are any. Annotations record that version,
/// and the result cache keys on it, so a changed example set never serves or scores as the old one.
/// </summary>
public sealed record FewShotSet(AnnotationType Type, ReportLanguage Language, IReadOnlyList<FewShotExample> Examples, string PromptVersion)
{
    private const string Marker = "+fs.";

    public bool IsEmpty => Examples.Count == 0;

    /// <summary>Zero-shot: no examples, the library's own version.</summary>
    public static FewShotSet None(AnnotationType type, ReportLanguage language, string libraryVersion) => new(type, language, [], libraryVersion);

    public static FewShotSet Create(AnnotationType type, ReportLanguage language, IReadOnlyList<FewShotExample> examples, string libraryVersion) =>
        examples.Count == 0 ? None(type, language, libraryVersion) : new(type, language, examples, libraryVersion + Marker + Hash(type, language, examples));

    // What the model is sent decides the version: the turns' texts, in order (the names are labels only).
    private static string Hash(AnnotationType type, ReportLanguage language, IReadOnlyList<FewShotExample> examples)
    {
        var material = new StringBuilder().Append(type.ToWire()).Append('\n').Append(language.ToCode());
        foreach (var example in examples)
        {
            material.Append('\0').Append(example.ReportText).Append('\0').Append(example.Answer);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())))[..10];
    }
}
