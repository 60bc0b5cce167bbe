using System.Text.Json;
using ReportLens.Core.Annotations;
using ReportLens.Core.Evaluation;
using ReportLens.Core.Json;
using ReportLens.Core.Text;

namespace ReportLens.Core.Prompts.FewShot;

/// <summary>
/// Turns uploaded gold records (docs/gold-format.md) into a few-shot set for one annotation type and language,
/// checking each the way gold files are checked (every span cuts out its text; a <c>start</c> is a UTF-16 offset),
/// plus the set's language, the classification vocabulary and the size limits (<see cref="FewShotLimits"/>).
/// Every problem is reported, keyed by example and field; messages never quote report text.
/// </summary>
public static class FewShotSetBuilder
{
    public static FewShotBuild Build(AnnotationType type, ReportLanguage language, IReadOnlyList<JsonElement> records, string libraryVersion)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!GoldExampleAnswer.Supports(type))
        {
            errors["annotation_type"] = $"{type.ToWire()} has no gold fields to make examples from: use highlight, classification or extraction";
            return Invalid(errors);
        }

        if (records.Count is 0 or > FewShotLimits.MaxExamples)
        {
            errors["examples"] = $"give between 1 and {FewShotLimits.MaxExamples} examples (to remove a set, delete it)";
            return Invalid(errors);
        }

        var gold = new List<GoldReport>(records.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (Read(records[i], $"examples[{i}]", errors) is not { } report)
            {
                continue;
            }

            var name = $"example '{report.Id}'";
            foreach (var problem in GoldReportChecks.Problems(report))
            {
                errors.TryAdd($"examples[{i}].{problem.Field}", $"{name}: {problem.Message}");
            }

            Check(report, type, language, i, name, ids, errors);
            gold.Add(report);
        }

        if (errors.Count == 0 && gold.Sum(g => g.Text.Length) > FewShotLimits.MaxTotalChars)
        {
            errors["examples"] = $"the examples' texts hold more than {FewShotLimits.MaxTotalChars} characters together: every example is sent with every report";
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var examples = gold.Select(g => new FewShotExample(g.Id, g.Text, GoldExampleAnswer.For(type, g))).ToList();
        return new FewShotBuild(FewShotSet.Create(type, language, examples, libraryVersion), gold, errors);
    }

    private static GoldReport? Read(JsonElement record, string key, Dictionary<string, string> errors)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            errors[key] = "each example is a gold record: a JSON object (docs/gold-format.md)";
            return null;
        }

        try
        {
            return record.Deserialize<GoldReport>(ReportLensJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            // The serializer's message names the missing or mistyped member and its path, not the values.
            errors[key] = $"not a gold record: {e.Message}";
            return null;
        }
    }

    private static void Check(GoldReport report, AnnotationType type, ReportLanguage language, int i, string name, HashSet<string> ids, Dictionary<string, string> errors)
    {
        if (report.Id?.Length > FewShotLimits.MaxIdLength)
        {
            errors.TryAdd($"examples[{i}].id", $"example {i}: the id is longer than {FewShotLimits.MaxIdLength} characters");
        }
        else if (!string.IsNullOrWhiteSpace(report.Id) && !ids.Add(report.Id))
        {
            errors.TryAdd($"examples[{i}].id", $"{name}: the id is given twice");
        }

        if (!LanguageDetector.TryParse(report.Language, out var given) || given != language)
        {
            errors.TryAdd($"examples[{i}].language", $"{name}: language must be {language.ToCode()}, the set's language");
        }

        if (report.Text?.Length > FewShotLimits.MaxReportChars)
        {
            errors.TryAdd($"examples[{i}].text", $"{name}: the report holds more than {FewShotLimits.MaxReportChars} characters");
        }

        if (type == AnnotationType.Classification)
        {
            foreach (var (field, dimension, value) in new[]
            {
                ("urgency", ClassificationVocabulary.Urgency, report.Urgency),
                ("body_part", ClassificationVocabulary.BodyPart, report.BodyPart),
                ("modality", ClassificationVocabulary.Modality, report.Modality),
            })
            {
                var categories = ClassificationVocabulary.CategoriesOf(dimension);
                if (!categories.Contains(value))
                {
                    errors.TryAdd($"examples[{i}].{field}", $"{name}: {field} must be one of {string.Join(", ", categories)}");
                }
            }
        }
    }

    private static FewShotBuild Invalid(Dictionary<string, string> errors) => new(null, [], errors);
}
