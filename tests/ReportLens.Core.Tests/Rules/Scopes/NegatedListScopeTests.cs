using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules.Scopes;

/// <summary>
/// A negation cue scopes over its whole coordinated list whatever modifiers the items carry; only a contrast, a
/// clause with its own verb, or the sentence end closes it. Sentences written for this test, not taken from the corpus.
/// </summary>
public sealed class NegatedListScopeTests
{
    [Theory]
    [InlineData("No focal airspace disease, pneumothorax or large pleural effusion.", "pleural effusion")]
    [InlineData("No focal airspace disease, pneumothorax or large pleural effusion.", "pneumothorax")]
    [InlineData("There is no consolidation, pneumothorax, or sizable effusion.", "effusion")]
    [InlineData("No pleural effusion, focal consolidation, or moderate pneumothorax identified.", "pneumothorax")]
    [InlineData("No edema, large effusion, or pneumothorax.", "effusion")]
    [InlineData("No acute fracture, significant pleural effusion or pneumothorax.", "pneumothorax")]
    [InlineData("Without pneumothorax, sizeable effusion or focal consolidation.", "consolidation")]
    [InlineData("No evidence of consolidation, pulmonary edema, or small pneumothorax.", "pneumothorax")]
    public void Analyze_GradedItemInsideNegatedEnglishList_StaysNegated(string sentence, string term)
    {
        var finding = Rules.Extract(sentence, ReportLanguage.En).FindingWith(term);

        Assert.True(finding?.Negated, $"'{term}' in '{sentence}' was asserted");
    }

    [Theory]
    [InlineData("No pneumothorax. Moderate right pleural effusion.", "pleural effusion")]
    [InlineData("No consolidation. Large left pleural effusion is present.", "pleural effusion")]
    [InlineData("No pneumothorax, moderate right pleural effusion.", "pleural effusion")]
    [InlineData("No focal consolidation but there is a small right pleural effusion.", "pleural effusion")]
    [InlineData("No pneumothorax; however, mild pulmonary edema is seen.", "edema")]
    public void Analyze_FindingAfterTheListEnds_IsAsserted(string sentence, string term)
    {
        var finding = Rules.Extract(sentence, ReportLanguage.En).FindingWith(term);

        Assert.False(finding?.Negated, $"'{term}' in '{sentence}' was negated");
    }

    [Theory]
    [InlineData("未见胸腔积液，心包积液。", "心包积液")]
    [InlineData("双侧未见胸腔积液，心包积液。", "胸腔积液")]
    [InlineData("腹腔内未见游离气体，腹水。", "腹水")]
    [InlineData("未见肝内胆管扩张，胆囊结石。", "胆囊结石")]
    [InlineData("纵隔未见肿大淋巴结，胸腔积液。", "胸腔积液")]
    public void Analyze_ChineseNegationAcrossComma_NegatesTheNextListItem(string sentence, string term)
    {
        var finding = Rules.Extract(sentence).FindingWith(term);

        Assert.True(finding?.Negated, $"'{term}' in '{sentence}' was asserted");
    }

    [Theory]
    [InlineData("未见胸腔积液，右肺下叶见结节。", "结节")]
    [InlineData("未见心包积液，左侧胸腔见积液。", "积液")]
    [InlineData("肝内未见占位，胆囊内可见结石。", "结石")]
    [InlineData("未见明显骨折，但右侧胸腔积液。", "胸腔积液")]
    public void Analyze_ChineseClauseWithItsOwnVerbOrContrast_IsAsserted(string sentence, string term)
    {
        var finding = Rules.Extract(sentence).FindingDetails.Last(f => f.Text.Contains(term, StringComparison.Ordinal));

        Assert.False(finding.Negated, $"'{term}' in '{sentence}' was negated");
    }

    [Theory]
    [InlineData("Heart size is normal.Small left pleural effusion.", "pleural effusion")]
    [InlineData("No pneumothorax.Right lower lobe consolidation.", "consolidation")]
    [InlineData("LUNGS ARE CLEAR.Moderate cardiomegaly.", "cardiomegaly")]
    public void Analyze_SentencesRunTogetherWithoutSpace_AreSplit(string sentence, string term)
    {
        var finding = Rules.Extract(sentence, ReportLanguage.En).FindingWith(term);

        Assert.False(finding?.Negated, $"'{term}' in '{sentence}' was negated");
    }

    [Theory]
    [InlineData("The nodule measures 1.5 cm.")]
    [InlineData("Comparison is made to the study of 3.2.2024.")]
    public void Analyze_DecimalsAndDates_AreNotSentenceEnds(string sentence)
    {
        var highlights = Rules.Highlight(sentence, ReportLanguage.En);

        Assert.All(highlights.Highlights, h => Assert.DoesNotContain(". ", h.Text, StringComparison.Ordinal));
    }
}
