namespace ReportLens.Core.Evaluation;

/// <summary>
/// Predictions whose confidence fell in [<see cref="Lower"/>, <see cref="Upper"/>) (the last bin includes 1):
/// how many, their mean confidence and the share that was right.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy)
{
    /// <summary>|accuracy − mean confidence|: how far this bin's confidence is from what it delivered.</summary>
    public double Gap => Count == 0 ? 0 : Math.Abs(Accuracy - MeanConfidence);
}
