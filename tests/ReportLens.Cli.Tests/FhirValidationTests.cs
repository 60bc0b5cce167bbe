using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;

namespace ReportLens.Cli.Tests;

/// <summary>The export relies on the Firely SDK's validation reaching into Bundle entries; this pins that it does.</summary>
public sealed class FhirValidationTests
{
    [Fact]
    public void Validate_BundleWithDiagnosticReportLackingCode_ReportsTheProblem()
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid(),
            Resource = new DiagnosticReport { Status = DiagnosticReport.DiagnosticReportStatus.Final },
        });

        Assert.NotEmpty(bundle.Validate());
    }
}

/// <summary>The profile validator the FHIR tests use does find what the base profiles forbid.</summary>
public sealed class FhirProfileValidatorTests
{
    [Fact]
    public void Errors_ObservationWithoutCodeAndABadInterpretation_AreReported()
    {
        var observation = new Observation { Status = ObservationStatus.Final, Value = new FhirString("nodule") };
        observation.Interpretation.Add(new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "NOT-A-CODE"));

        Assert.NotEmpty(FhirProfileValidator.Errors(observation));
    }

    [Fact]
    public void Errors_ValidObservation_None()
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Code = new CodeableConcept("http://loinc.org", "59776-5", "Procedure findings"),
            Value = new FhirString("nodule"),
        };

        Assert.Empty(FhirProfileValidator.Errors(observation));
    }
}
