using Hl7.Fhir.Model;

namespace ReportLens.Testing;

/// <summary>One Bundle a <see cref="FhirReceiver"/> got: on which server, its content type and Authorization header, the validator's errors and the answer given.</summary>
public sealed record FhirPush(string Server, string? ContentType, string Authorization, Bundle Bundle, IReadOnlyList<string> ValidationErrors, int Answered)
{
    public DiagnosticReport? DiagnosticReport => Bundle.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().FirstOrDefault();
}
