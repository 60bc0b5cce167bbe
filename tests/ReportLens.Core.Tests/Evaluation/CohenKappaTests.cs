using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Tests.Evaluation;

/// <summary>Cohen's κ against tables worked by hand: κ = (p_o − p_e) / (1 − p_e), p_e = Σ p_A(c) · p_B(c).</summary>
public sealed class CohenKappaTests
{
    [Fact]
    public void Of_TwoLabels_HandWorkedTable()
    {
        //            B yes  B no  | A
        //   A yes      20     5   | 25
        //   A no       10    15   | 25
        //   B          30    20   | 50
        // p_o = (20 + 15) / 50 = 0.70; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.50; κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
        var figures = CohenKappa.Of(Table(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)));

        Assert.Equal((50, 35), (figures.Items, figures.Agreed));
        Assert.Equal(0.70, figures.RawAgreement);
        Assert.Equal(0.50, figures.ExpectedAgreement);
        Assert.Equal(0.40, figures.Kappa);
        Assert.Equal([new("no", "no", 15), new("no", "yes", 10), new("yes", "no", 5), new("yes", "yes", 20)], figures.Table);
    }

    [Fact]
    public void Of_ThreeDecisions_HandWorkedTable()
    {
        //            accept reject edit | A
        //   accept      4      1     0  |  5
        //   reject      0      2     1  |  3
        //   edit        1      0     1  |  2
        //   B           5      3     2  | 10
        // p_o = (4 + 2 + 1) / 10 = 0.70; p_e = 0.5² + 0.3² + 0.2² = 0.38; κ = 0.32 / 0.62 = 0.516129…
        var figures = CohenKappa.Of(Table(("accept", "accept", 4), ("accept", "reject", 1), ("reject", "reject", 2), ("reject", "edit", 1),
            ("edit", "accept", 1), ("edit", "edit", 1)));

        Assert.Equal((10, 7), (figures.Items, figures.Agreed));
        Assert.Equal(0.70, figures.RawAgreement);
        Assert.Equal(0.38, figures.ExpectedAgreement);
        Assert.Equal(0.5161, figures.Kappa);
    }

    [Fact]
    public void Of_OppositeLabelsEveryTime_IsMinusOne()
    {
        // p_o = 0; p_e = 0.5 × 0.5 + 0.5 × 0.5 = 0.5; κ = (0 − 0.5) / 0.5 = −1.
        var figures = CohenKappa.Of([("yes", "no"), ("no", "yes")]);

        Assert.Equal((0.0, 0.5, -1.0), (figures.RawAgreement!.Value, figures.ExpectedAgreement!.Value, figures.Kappa!.Value));
    }

    [Fact]
    public void Of_BothRatersOneSameLabel_ExpectedAgreementIsOne_KappaUndefined()
    {
        // Every item accept by both: p_o = 1, p_e = 1 × 1 = 1, κ = 0 / 0: undefined, reported as null; raw agreement stays 1.
        var figures = CohenKappa.Of(Table(("accept", "accept", 7)));

        Assert.Equal((7, 7, 1.0, 1.0), (figures.Items, figures.Agreed, figures.RawAgreement!.Value, figures.ExpectedAgreement!.Value));
        Assert.Null(figures.Kappa);
    }

    [Fact]
    public void Of_OneRaterOneLabel_KappaIsZero()
    {
        // An engine stands by all 4 of its items (A always "accept"); the reviewer accepts 3 and rejects 1:
        // p_o = 3/4 = 0.75; p_e = 1 × 0.75 + 0 × 0.25 = 0.75; κ = 0 / 0.25 = 0: agreement no better than chance.
        var figures = CohenKappa.Of(Table(("accept", "accept", 3), ("accept", "reject", 1)));

        Assert.Equal((0.75, 0.75, 0.0), (figures.RawAgreement!.Value, figures.ExpectedAgreement!.Value, figures.Kappa!.Value));
    }

    [Fact]
    public void Of_NoItems_HasNoFigures()
    {
        var figures = CohenKappa.Of([]);

        Assert.Equal(0, figures.Items);
        Assert.Null(figures.RawAgreement);
        Assert.Null(figures.Kappa);
        Assert.Empty(figures.Table);
    }

    private static IEnumerable<(string, string)> Table(params (string A, string B, int Count)[] cells) =>
        cells.SelectMany(c => Enumerable.Repeat((c.A, c.B), c.Count));
}
