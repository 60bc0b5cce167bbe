using ReportLens.Core.Annotations;
using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

public sealed class RulesEngineChexpertTests
{
    private const string Radiograph = "EXAMINATION: CHEST RADIOGRAPH, PA AND LATERAL.\nFINDINGS: ";

    private static Dictionary<string, string> Labels(string findings) =>
        Rules.Classify(Radiograph + findings, ReportLanguage.En).Classifications
            .Where(c => c.Dimension.StartsWith(ChexpertVocabulary.DimensionPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Dimension[ChexpertVocabulary.DimensionPrefix.Length..], c => c.Category);

    [Fact]
    public void Classify_ChestRadiograph_GivesAllFourteenObservations()
    {
        var labels = Labels("Right lower lobe consolidation. No pneumothorax.\nIMPRESSION: Right lower lobe pneumonia.");

        Assert.Equal(ChexpertVocabulary.Observations.Order(), labels.Keys.Order());
        Assert.Equal("positive", labels["Consolidation"]);
        Assert.Equal("positive", labels["Pneumonia"]);
        Assert.Equal("negative", labels["Pneumothorax"]);
        Assert.Equal("not_mentioned", labels["Fracture"]);
        Assert.Equal("not_mentioned", labels["No Finding"]);
    }

    [Fact]
    public void Classify_NegatedListWithUncertainMention_FollowsTheLabelersAggregation()
    {
        var labels = Labels("No focal consolidation or pleural effusion. Possible left basilar atelectasis.\nIMPRESSION: Possible left basilar atelectasis. No pleural effusion.");

        Assert.Equal("negative", labels["Consolidation"]);
        Assert.Equal("negative", labels["Pleural Effusion"]);
        Assert.Equal("uncertain", labels["Atelectasis"]);
        Assert.Equal("not_mentioned", labels["No Finding"]);
    }

    [Fact]
    public void Classify_NormalRadiographWithDevice_IsNoFindingPositiveAndSupportDevicesPositive()
    {
        var labels = Labels("Right internal jugular central venous catheter tip in the superior vena cava. No pneumothorax, pleural effusion or consolidation.\nIMPRESSION: No acute cardiopulmonary process.");

        Assert.Equal("positive", labels["Support Devices"]);
        Assert.Equal("negative", labels["Pneumothorax"]);
        Assert.Equal("positive", labels["No Finding"]);
    }

    [Theory]
    [InlineData("胸部正位片：右下肺斑片影，考虑肺炎。", ReportLanguage.Zh)]
    [InlineData("CT CHEST WITH CONTRAST.\nFINDINGS: Right lower lobe consolidation.\nIMPRESSION: Pneumonia.", ReportLanguage.En)]
    public void Classify_NotAnEnglishChestRadiograph_HasNoChexpertItems(string report, ReportLanguage language)
    {
        var classification = Rules.Classify(report, language);

        Assert.DoesNotContain(classification.Classifications, c => c.Dimension.StartsWith(ChexpertVocabulary.DimensionPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_ChexpertEvidence_IsTheMentionAtItsSpan()
    {
        var report = Radiograph + "Moderate cardiomegaly.\nIMPRESSION: Cardiomegaly.";
        var item = Rules.Classify(report, ReportLanguage.En).Classifications.Single(c => c.Dimension == "CheXpert: Cardiomegaly");

        Assert.Equal("positive", item.Category);
        Assert.Equal(item.Evidence, report[item.EvidenceGrounding!.Start!.Value..item.EvidenceGrounding.End!.Value]);
    }
}
