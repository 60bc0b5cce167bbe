using ReportLens.Core.Text;
using Limits = ReportLens.Core.Interop.ReportValidation;

namespace ReportLens.Server.Reports;

/// <summary>Field checks shared by create and update; the 413 for over-long text is decided by the caller.</summary>
public static class ReportFieldChecks
{
    public static Dictionary<string, string[]> Check(string? accession, string? modality, string? bodyPart, string? language)
    {
        var errors = new Dictionary<string, string[]>();
        if (accession is { Length: > Limits.MaxAccessionLength })
        {
            errors["accession_number"] = [$"accession_number must be at most {Limits.MaxAccessionLength} characters"];
        }

        if (modality is { Length: > Limits.MaxCodeLength })
        {
            errors["modality"] = [$"modality must be at most {Limits.MaxCodeLength} characters"];
        }

        if (bodyPart is { Length: > Limits.MaxCodeLength })
        {
            errors["body_part"] = [$"body_part must be at most {Limits.MaxCodeLength} characters"];
        }

        if (language is not null && !LanguageDetector.TryParse(language, out _))
        {
            errors["language"] = ["language must be 'zh' or 'en'"];
        }

        return errors;
    }

    public static string ResolveLanguage(string? requested, string text) =>
        (LanguageDetector.TryParse(requested, out var language) ? language : LanguageDetector.Detect(text)).ToCode();
}
