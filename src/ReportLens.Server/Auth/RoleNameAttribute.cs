using System.ComponentModel.DataAnnotations;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Auth;

/// <summary>A role when sent: one of <see cref="Roles.All"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class RoleNameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string role || Roles.IsValid(role) ? ValidationResult.Success : new ValidationResult($"role must be one of {string.Join(", ", Roles.All)}");
}
