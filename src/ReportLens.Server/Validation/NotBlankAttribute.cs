using System.ComponentModel.DataAnnotations;

namespace ReportLens.Server.Validation;

/// <summary>An optional text that, when sent, must have more than white space (<see cref="RequiredAttribute"/> for one that may be left out).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NotBlankAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string text || !string.IsNullOrWhiteSpace(text);
}
