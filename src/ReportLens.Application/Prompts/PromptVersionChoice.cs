using System.Security.Cryptography;
using System.Text;
using ReportLens.Core.Prompts;
using ReportLens.Core.Prompts.FewShot;
using ReportLens.Core.Text;

namespace ReportLens.Application.Prompts;

/// <summary>
/// A prompt version an evaluation run can be made with. Zero-shot: the prompt library's version, no examples.
/// Few-shot: every stored example set (each type and language its own; a type or language without one stays
/// zero-shot), versioned as the library's version + "+fs." + a hash of the sets' own versions, so changing any set
/// makes a new version.
/// </summary>
public sealed record PromptVersionChoice(string Version, bool FewShot, IReadOnlyList<PromptSetVersion> Sets)
{
    public const string ZeroShotName = "zero-shot";
    public const string FewShotName = "few-shot";

    public string Name => FewShot ? FewShotName : ZeroShotName;

    /// <summary>Zero-shot, then few-shot when <paramref name="sets"/> holds any set.</summary>
    public static IReadOnlyList<PromptVersionChoice> Of(IReadOnlyList<FewShotSet> sets, string libraryVersion)
    {
        var zero = new PromptVersionChoice(libraryVersion, false, []);
        var stored = sets.Where(s => !s.IsEmpty).OrderBy(s => s.PromptVersion, StringComparer.Ordinal).ToList();
        if (stored.Count == 0)
        {
            return [zero];
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', stored.Select(s => s.PromptVersion))));
        var version = libraryVersion + "+fs." + Convert.ToHexStringLower(hash)[..10];
        return [zero, new PromptVersionChoice(version, true, [.. stored.Select(s => new PromptSetVersion(s.Type, s.Language.ToCode(), s.PromptVersion, s.Examples.Count))])];
    }
}
