using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules.Scopes;

/// <summary>
/// "with" joins a second finding to the first but ends a negation before it ("no cardiomegaly with small
/// effusions" asserts the effusions); "without" negates only what follows it. Sentences written for this test.
/// </summary>
public sealed class WithWithoutScopeTests
{
    [Theory]
    [InlineData("No cardiomegaly with bilateral small pleural effusions.", "pleural effusion")]
    [InlineData("No focal consolidation with a small left pneumothorax.", "pneumothorax")]
    [InlineData("Without pleural effusion but with mild pulmonary edema.", "edema")]
    [InlineData("No acute fracture with moderate degenerative changes of the spine.", "degenerative")]
    public void Analyze_FindingAfterWith_IsNotNegatedByTheCueBefore(string sentence, string term)
    {
        var extraction = Rules.Extract(sentence, ReportLanguage.En);

        var finding = extraction.FindingWith(term);
        Assert.False(finding?.Negated, $"'{term}' in '{sentence}' was negated");
        Assert.Contains(extraction.FindingDetails, f => f.Negated);
    }

    [Theory]
    [InlineData("Cardiomegaly without pleural effusion.", "cardiomegaly", "pleural effusion")]
    [InlineData("Small right pneumothorax without mediastinal shift.", "pneumothorax", "mediastinal shift")]
    [InlineData("Right lower lobe consolidation without effusion.", "consolidation", "effusion")]
    public void Analyze_Without_NegatesOnlyWhatFollows(string sentence, string asserted, string negated)
    {
        var findings = Rules.Extract(sentence, ReportLanguage.En).FindingDetails;

        Assert.False(findings.First(f => f.Text.Contains(asserted, StringComparison.OrdinalIgnoreCase)).Negated, $"'{asserted}' was negated");
        Assert.True(findings.Last(f => f.Text.Contains(negated, StringComparison.OrdinalIgnoreCase)).Negated, $"'{negated}' was asserted");
    }
}
