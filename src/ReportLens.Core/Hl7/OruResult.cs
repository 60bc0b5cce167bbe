namespace ReportLens.Core.Hl7;

/// <summary>The report an ORU^R01 carries, or why it cannot be stored; the header is kept for the acknowledgment either way.</summary>
public sealed record OruResult(Hl7Header Header, OruReport? Report, Hl7Error? Error)
{
    public static OruResult Ok(OruReport report) => new(report.Header, report, null);

    public static OruResult Fail(Hl7Header header, Hl7Error error) => new(header, null, error);
}
