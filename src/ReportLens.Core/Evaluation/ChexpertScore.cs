namespace ReportLens.Core.Evaluation;

/// <summary>
/// CheXpert labels over the reports whose gold has a <c>chexpert</c> object: per observation, the share of reports
/// whose label (positive, negative, uncertain, not mentioned) equals the gold's; and per observation the
/// precision/recall of "positive", whose F1 is macro-averaged over the observations with a gold or predicted positive.
/// </summary>
public sealed record ChexpertScore(int Reports, IReadOnlyList<DimensionAccuracy> Accuracy, IReadOnlyDictionary<string, PrecisionRecall> Positive)
{
    public static ChexpertScore Empty { get; } = new(0, [], new Dictionary<string, PrecisionRecall>());

    public double? MeanAccuracy => Accuracy.Count == 0 || Reports == 0 ? null : Accuracy.Average(a => a.Accuracy);

    public double? MacroF1Positive
    {
        get
        {
            var scored = Positive.Values.Where(p => p.Gold + p.Predicted > 0).ToList();
            return scored.Count == 0 ? null : scored.Average(p => p.F1);
        }
    }
}
