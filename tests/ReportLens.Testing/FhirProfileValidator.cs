using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace ReportLens.Testing;

/// <summary>
/// Firely's profile validator over the FHIR R4 base definitions (specification.zip from Hl7.Fhir.Specification.Data.R4,
/// copied next to the tests): checks cardinality, types, bindings to the base value sets and invariants.
/// </summary>
public static class FhirProfileValidator
{
    private static readonly Lazy<Validator> Shared = new(Create);
    private static readonly Lock Gate = new();

    /// <summary>The validator's errors and fatal issues, each with where it was found; empty when the resource is valid.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Shared.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(", ", i.Expression)}")];
    }

    private static Validator Create()
    {
        var resolver = new CachedResolver(new ZipSource(Path.Combine(AppContext.BaseDirectory, "specification.zip")));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }
}
