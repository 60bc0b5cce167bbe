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
