namespace ReportLens.Server.Ui;

/// <summary>The modality, body-part and exam-date filter the Reports and Jobs pages share; "" or null means any.</summary>
public sealed class ReportFilterForm
{
    public string? Modality { get; set; }
    public string? BodyPart { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
