using ReportLens.Core.Text;

namespace ReportLens.Server.Reports;

/// <summary>What create and update share once the request is valid (its field checks are attributes on the request records).</summary>
public static class ReportFieldChecks
{
    public static string ResolveLanguage(string? requested, string text) =>
        (LanguageDetector.TryParse(requested, out var language) ? language : LanguageDetector.Detect(text)).ToCode();
}
