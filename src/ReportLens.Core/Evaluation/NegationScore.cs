namespace ReportLens.Core.Evaluation;

/// <summary>
/// Over gold findings: <see cref="Matched"/> of <see cref="Total"/> have an engine item at their span, and
/// <see cref="Correct"/> of those carry the gold's negation. Accuracy is over matched findings, coverage the
/// matched share, so a silent engine cannot look accurate without also looking absent.
/// </summary>
public sealed record NegationScore(int Total, int Matched, int Correct)
{
    public double Accuracy => Matched == 0 ? 0 : Correct / (double)Matched;
    public double Coverage => Total == 0 ? 1.0 : Matched / (double)Total;
}
