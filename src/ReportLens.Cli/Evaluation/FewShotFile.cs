using System.Text.Json;
using ReportLens.Cli.Infrastructure;
using ReportLens.Cli.Prompts;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Prompts;
using ReportLens.Core.Text;
using ReportLens.Core.Prompts.FewShot;

namespace ReportLens.Cli.Evaluation;

/// <summary>
/// `eval --few-shot FILE`: the gold records of the file made into example sets for every scored type and each
/// language the file holds, checked as an upload is (<see cref="FewShotSetBuilder"/>).
/// </summary>
public static class FewShotFile
{
    public static async Task<(PromptVariant Variant, IReadOnlySet<string> Ids)> LoadAsync(string path, TextWriter error, CancellationToken cancellationToken)
    {
        var file = await ExampleFile.ReadAsync(path, cancellationToken);
        var sets = new Dictionary<(AnnotationType, ReportLanguage), FewShotSet>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var language in Enum.GetValues<ReportLanguage>())
        {
            var records = file.Records.Where(r => LanguageOf(r) == language).ToList();
            if (records.Count == 0)
            {
                continue;
            }

            foreach (var type in EvaluationInput.AllScoredTypes)
            {
                var build = FewShotSetBuilder.Build(type, language, records, PromptLibrary.Default.Version);
                if (build.Set is not { } set)
                {
                    foreach (var (field, message) in build.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
                    {
                        await error.WriteLineAsync(TerminalText.Safe($"{language.ToCode()} {field}: {message}"));
                    }

                    throw CliException.Usage($"--few-shot: {Path.GetFileName(path)} does not make a valid example set ({type.ToWire()}, {language.ToCode()})");
                }

                sets[(type, language)] = set;
                ids.UnionWith(build.Gold.Select(g => g.Id));
            }
        }

        if (sets.Count == 0)
        {
            throw CliException.Usage($"--few-shot: {Path.GetFileName(path)} holds no zh or en gold record");
        }

        return (new PromptVariant(PromptVariant.FewShot, sets), ids);
    }

    private static ReportLanguage? LanguageOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("language", out var code) && code.ValueKind == JsonValueKind.String
            && LanguageDetector.TryParse(code.GetString(), out var language) ? language : null;
}
