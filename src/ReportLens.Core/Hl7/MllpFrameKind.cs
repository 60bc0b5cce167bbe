namespace ReportLens.Core.Hl7;

public enum MllpFrameKind
{
    Message,
    BadFraming,
    TooLarge,
}
