using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace ReportLens.Application.Validation;

/// <summary>
/// A list, when sent, holds no null: JSON can carry <c>[null]</c> where the C# type says the entries are never null,
/// and the code that reads the list would fail on it. Give the message clients should see as ErrorMessage.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NoNullItemsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not IEnumerable items || items.Cast<object?>().All(item => item is not null);
}
