namespace ReportLens.Core.Deidentification.Evaluation;

/// <summary>
/// Counts for one type. A gold identifier is recalled when a span of its type overlaps it and found spans cover
/// every character of it (nothing of it is left in the text); a found span is correct when it overlaps a gold
/// identifier of its type.
/// </summary>
public sealed record PhiTypeScore(string Type, int Gold, int Recalled, int Found, int Correct)
{
    public double Recall => Gold == 0 ? 1 : Recalled / (double)Gold;
    public double Precision => Found == 0 ? 1 : Correct / (double)Found;
}
