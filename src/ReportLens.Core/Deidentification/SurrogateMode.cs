namespace ReportLens.Core.Deidentification;

/// <summary>How an identifier is replaced: a typed placeholder ([姓名1], [NAME-1]) or a realistic invented value.</summary>
public enum SurrogateMode
{
    Placeholder,
    Realistic,
}
