namespace ReportLens.Application.Reports;

public enum StoreOutcome
{
    Created,
    /// <summary>A correction replaced the stored text; the former one is a version now.</summary>
    Corrected,
    /// <summary>The accession number is stored with this very text already: nothing was written.</summary>
    Unchanged,
    /// <summary>The accession number is stored with another text and this is not a correction: nothing was written.</summary>
    AccessionTaken,
    /// <summary>The caller's step declined: nothing was written.</summary>
    Declined,
}
