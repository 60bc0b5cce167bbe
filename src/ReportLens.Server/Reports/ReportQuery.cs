namespace ReportLens.Server.Reports;

/// <summary>List filters from the query string (snake_case names).</summary>
public sealed class ReportQuery
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Q { get; init; }
    public string? Modality { get; init; }
    public string? BodyPart { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
    public string? Urgency { get; init; }
    public bool? Analysed { get; init; }

    public static ValueTask<ReportQuery?> BindAsync(HttpContext context)
    {
        var q = context.Request.Query;
        return ValueTask.FromResult<ReportQuery?>(new ReportQuery
        {
            Page = QueryValues.Int(q, "page"),
            PageSize = QueryValues.Int(q, "page_size"),
            Q = QueryValues.Text(q, "q"),
            Modality = QueryValues.Text(q, "modality"),
            BodyPart = QueryValues.Text(q, "body_part"),
            DateFrom = QueryValues.Date(q, "date_from"),
            DateTo = QueryValues.Date(q, "date_to"),
            Urgency = QueryValues.Text(q, "urgency"),
            Analysed = QueryValues.Bool(q, "analysed"),
        });
    }
}
