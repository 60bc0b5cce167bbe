using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

public sealed class ReliabilityTableTests
{
    [Fact]
    public void From_HandWorkedExample_GivesBinsAndExpectedCalibrationError()
    {
        // Bin [0.9, 1]: 3 at 0.95, 2 right → gap |0.667 − 0.95| = 0.2833; [0.8, 0.9): 1 at 0.85, right → 0.15;
        // [0.5, 0.6): 1 at 0.55, wrong → 0.55. ECE = 3/5 × 0.2833 + 1/5 × 0.15 + 1/5 × 0.55 = 0.17 + 0.03 + 0.11 = 0.31.
        var table = ReliabilityTable.From([(0.95, true), (0.95, true), (0.95, false), (0.85, true), (0.55, false)]);

        Assert.Equal(5, table.Count);
        Assert.Equal(10, table.Bins.Count);
        Assert.Equal(0.31, table.ExpectedCalibrationError, 6);
        var top = table.Bins[9];
        Assert.Equal((3, 0.95, 2 / 3.0), (top.Count, Math.Round(top.MeanConfidence, 6), top.Accuracy));
        Assert.Equal((1, 1.0), (table.Bins[8].Count, table.Bins[8].Accuracy));
        Assert.Equal((1, 0.0), (table.Bins[5].Count, table.Bins[5].Accuracy));
        Assert.Equal(0, table.Bins[0].Count);
    }

    [Theory]
    [InlineData(1.0, 9)]
    [InlineData(0.3, 3)]
    [InlineData(0.0, 0)]
    [InlineData(0.299, 2)]
    public void From_BinEdges_PutAConfidenceInItsLowerEdgesBin(double confidence, int bin)
    {
        var table = ReliabilityTable.From([(confidence, true)]);

        Assert.Equal(1, table.Bins[bin].Count);
    }

    [Fact]
    public void From_PerfectlyCalibratedPredictions_HaveZeroError()
    {
        var table = ReliabilityTable.From([(0.75, true), (0.75, true), (0.75, true), (0.75, false)]);

        Assert.Equal(0, table.ExpectedCalibrationError, 9);
    }

    [Fact]
    public void From_NoPredictions_IsEmptyWithZeroError()
    {
        Assert.Equal((0, 0.0), (ReliabilityTable.Empty.Count, ReliabilityTable.Empty.ExpectedCalibrationError));
    }
}
