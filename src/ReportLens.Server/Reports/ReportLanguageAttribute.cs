using System.ComponentModel.DataAnnotations;
using ReportLens.Core.Text;

namespace ReportLens.Server.Reports;

/// <summary>A report's language code when sent: 'zh' or 'en' (left out, it is detected from the text).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ReportLanguageAttribute() : ValidationAttribute("language must be 'zh' or 'en'")
{
    public override bool IsValid(object? value) => value is not string code || LanguageDetector.TryParse(code, out _);
}
