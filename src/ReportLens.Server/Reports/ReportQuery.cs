using Microsoft.AspNetCore.Mvc;

namespace ReportLens.Server.Reports;

/// <summary>List filters from the query string (snake_case names), bound with <c>[AsParameters]</c>.</summary>
public sealed record ReportQuery
{
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    [FromQuery(Name = "page_size")]
    public int? PageSize { get; init; }

    /// <summary>Text searched in the report and its accession number.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [FromQuery(Name = "modality")]
    public string? Modality { get; init; }

    [FromQuery(Name = "body_part")]
    public string? BodyPart { get; init; }

    [FromQuery(Name = "date_from")]
    public DateOnly? DateFrom { get; init; }

    [FromQuery(Name = "date_to")]
    public DateOnly? DateTo { get; init; }

    [FromQuery(Name = "urgency")]
    public string? Urgency { get; init; }

    [FromQuery(Name = "analysed")]
    public bool? Analysed { get; init; }

    /// <summary>Previews cut from the de-identified text (docs/privacy.md); the web UI decides by the user's role instead.</summary>
    [FromQuery(Name = "deidentify")]
    public bool? Deidentify { get; init; }
}
