namespace ReportLens.Application.Privacy;

/// <summary>How an audit record says a read or export was de-identified: "cli export, de-identified", "fhir, de-identified".</summary>
public static class PrivacyAuditDetail
{
    public const string Deidentified = "de-identified";

    public static string? Of(string? what, bool deidentified) =>
        !deidentified ? what : what is null ? Deidentified : $"{what}, {Deidentified}";
}
