using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Analysis;

/// <summary>Validates a request property with the <see cref="AnalysisOptionRules"/> rule of <paramref name="option"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AnalysisOptionAttribute(AnalysisOption option) : ValidationAttribute
{
    public AnalysisOption Option => option;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        AnalysisOptionRules.Check(option, value) is { } error ? new ValidationResult(error) : ValidationResult.Success;
}
