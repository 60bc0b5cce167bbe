namespace ReportLens.Application.Privacy;

/// <summary>The "Privacy" settings section (docs/privacy.md).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Users whose only role is viewer get every report text, preview, version and annotation de-identified, in the
    /// UI and through the API, whatever they ask for (VIEWERS_SEE_DEIDENTIFIED).
    /// </summary>
    public bool ViewersSeeDeidentified { get; set; }
}
