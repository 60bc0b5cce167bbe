namespace ReportLens.Core.Evaluation;

/// <summary>
/// Micro-averaged matching scores. A predicted item and a gold item match at most once. Precision is 1 when
/// nothing was predicted, recall 1 when there was nothing to find; F1 is 0 when both are 0.
/// </summary>
public sealed record PrecisionRecall(int Predicted, int Gold, int Matched)
{
    public double Precision => Predicted == 0 ? 1.0 : Matched / (double)Predicted;
    public double Recall => Gold == 0 ? 1.0 : Matched / (double)Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public PrecisionRecall Add(PrecisionRecall other) => new(Predicted + other.Predicted, Gold + other.Gold, Matched + other.Matched);

    public static PrecisionRecall Zero { get; } = new(0, 0, 0);
}
