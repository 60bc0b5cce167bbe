using System.Reflection;
using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Rules.Builders;

/// <summary>
/// The CheXpert labeler's mention and unmention phrases (Lexicons/en/chexpert, MIT), per observation, read once.
/// The labeler's "no_finding" list names other abnormalities (emphysema, blunting…) that also rule out No Finding.
/// </summary>
internal sealed record ChexpertLexicon(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Mentions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Unmentions,
    IReadOnlyList<string> OtherFindings)
{
    private const string Prefix = "ReportLens.Core.Rules.Lexicons.en.chexpert.phrases.";
    private static readonly Lazy<ChexpertLexicon> Shared = new(Load);

    public static ChexpertLexicon Default => Shared.Value;

    private static ChexpertLexicon Load()
    {
        var assembly = typeof(ChexpertLexicon).Assembly;
        var names = assembly.GetManifestResourceNames().ToHashSet(StringComparer.Ordinal);
        var mentions = new Dictionary<string, IReadOnlyList<string>>();
        var unmentions = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var observation in ChexpertVocabulary.Observations.Where(o => o != ChexpertVocabulary.NoFinding))
        {
            var file = observation.ToLowerInvariant().Replace(' ', '_') + ".txt";
            mentions[observation] = Phrases(assembly, names, Prefix + "mention." + file);
            unmentions[observation] = Phrases(assembly, names, Prefix + "unmention." + file);
        }

        return new ChexpertLexicon(mentions, unmentions, Phrases(assembly, names, Prefix + "mention.no_finding.txt"));
    }

    // "_" in a CheXpert phrase stands for a word boundary ("_line_" is the word "line").
    private static List<string> Phrases(Assembly assembly, HashSet<string> names, string resource) => names.Contains(resource)
        ? [.. EmbeddedText.ReadLines(assembly, resource).Select(p => p.Replace('_', ' ').ToLowerInvariant()).Where(p => p.Trim().Length > 0).Distinct()]
        : [];
}
