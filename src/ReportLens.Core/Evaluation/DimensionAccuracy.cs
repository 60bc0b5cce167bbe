namespace ReportLens.Core.Evaluation;

/// <summary>Share of reports whose class on one dimension equals the gold (a failed or missing answer is wrong).</summary>
public sealed record DimensionAccuracy(string Dimension, int Correct, int Total)
{
    public double Accuracy => Total == 0 ? 0 : Correct / (double)Total;
}
