namespace ReportLens.Core.Evaluation;

/// <summary>
/// A reliability diagram in numbers: predictions binned by confidence (equal-width bins over [0, 1]) against how
/// often they were right, and the expected calibration error ECE = Σ (bin count ÷ total) × |accuracy − mean
/// confidence| (Naeini et al., 2015; Guo et al., 2017). 0 is perfectly calibrated.
/// </summary>
public sealed record ReliabilityTable(IReadOnlyList<ReliabilityBin> Bins, int Count, double ExpectedCalibrationError)
{
    public const int DefaultBins = 10;

    public static ReliabilityTable Empty { get; } = From([]);

    public static ReliabilityTable From(IEnumerable<(double Confidence, bool Correct)> predictions, int binCount = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var counts = new int[binCount];
        var confidence = new double[binCount];
        var correct = new int[binCount];
        var total = 0;
        foreach (var (value, right) in predictions)
        {
            var clamped = double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
            // Confidences carry two decimals: the epsilon keeps 0.3 (0.29999… × 10) in the bin [0.3, 0.4).
            var bin = Math.Min(binCount - 1, (int)Math.Floor((clamped * binCount) + 1e-9));
            counts[bin]++;
            confidence[bin] += clamped;
            correct[bin] += right ? 1 : 0;
            total++;
        }

        var bins = new List<ReliabilityBin>(binCount);
        var ece = 0.0;
        for (var b = 0; b < binCount; b++)
        {
            var n = counts[b];
            var bin = new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, n,
                n == 0 ? 0 : confidence[b] / n, n == 0 ? 0 : correct[b] / (double)n);
            bins.Add(bin);
            ece += total == 0 ? 0 : n / (double)total * bin.Gap;
        }

        return new ReliabilityTable(bins, total, ece);
    }
}
