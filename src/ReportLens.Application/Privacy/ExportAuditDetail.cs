namespace ReportLens.Application.Privacy;

/// <summary>How an export's audit record says whether it was de-identified: "cli export" or "cli export, de-identified".</summary>
public static class ExportAuditDetail
{
    public const string DeidentifiedSuffix = ", de-identified";

    public static string Of(string export, bool deidentified) => deidentified ? export + DeidentifiedSuffix : export;
}
