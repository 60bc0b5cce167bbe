using ReportLens.Core.Text;

namespace ReportLens.Core.Tests.Rules;

/// <summary>
/// English chest radiograph vocabulary (issue 11 item 4): chronic and benign findings are found and rated 异常轻微,
/// their negations are pertinent negatives, and the growth beyond the chest reads abdomen, neuro and MSK terms.
/// </summary>
public sealed class RulesEngineChestVocabularyTests
{
    [Theory]
    [InlineData("There is a calcified nodule in the left midlung.", "calcified nodule")]
    [InlineData("Low lung volumes with crowding of the bronchovascular markings.", "Low lung volumes")]
    [InlineData("The lungs are hypoinflated.", "hypoinflated")]
    [InlineData("Hyperexpanded lungs with flattening of the hemidiaphragms, consistent with COPD.", "Hyperexpanded")]
    [InlineData("Mild levoscoliosis of the thoracic spine.", "levoscoliosis")]
    [InlineData("Dextroscoliosis centred at T8.", "Dextroscoliosis")]
    [InlineData("Dextroconvex curvature of the lower thoracic spine.", "Dextroconvex curvature")]
    [InlineData("Degenerative changes with bridging osteophytes in the thoracic spine.", "Degenerative changes")]
    [InlineData("Calcified hilar lymph nodes from prior granulomatous disease.", "Calcified hilar lymph nodes")]
    [InlineData("Interstitial fibrotic changes at both bases, unchanged.", "Interstitial fibrotic changes")]
    [InlineData("Blunting of the left costophrenic angle, likely pleural thickening.", "Blunting of the left costophrenic angle")]
    [InlineData("Eventration of the right hemidiaphragm.", "Eventration")]
    [InlineData("The left hemidiaphragm is elevated, unchanged.", "elevated")]
    [InlineData("Mild pectus excavatum deformity.", "pectus excavatum")]
    [InlineData("Small hiatal hernia behind the heart.", "hiatal hernia")]
    [InlineData("The descending thoracic aorta is ectatic.", "ectatic")]
    [InlineData("Atherosclerotic calcification of the aortic arch.", "Atherosclerotic calcification")]
    [InlineData("Old healed fractures of the left sixth and seventh ribs.", "Old healed fractures")]
    [InlineData("Healed right rib fracture deformities.", "Healed right rib fracture")]
    [InlineData("Coarse interstitial markings at both bases.", "Coarse interstitial markings")]
    [InlineData("Biapical pleural-parenchymal scarring.", "pleural-parenchymal scarring")]
    [InlineData("Streaky opacities at the left base, likely scarring.", "Streaky opacities")]
    public void Analyze_ChronicChestFinding_IsFoundAndRatedMild(string report, string term)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);
        var finding = Assert.Single(extraction.FindingDetails, f => f.Text.Contains(term, StringComparison.OrdinalIgnoreCase) || term.Contains(f.Text, StringComparison.OrdinalIgnoreCase));

        Assert.False(finding.Negated);
        Assert.Equal("异常轻微", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Theory]
    [InlineData("No hyperinflation, scoliosis or hiatal hernia.")]
    [InlineData("There is no costophrenic angle blunting or calcified lymph node.")]
    public void Analyze_NegatedChronicFindings_AreNormal(string report)
    {
        var extraction = Rules.Extract(report, ReportLanguage.En);

        Assert.NotEmpty(extraction.FindingDetails);
        Assert.All(extraction.FindingDetails, f => Assert.True(f.Negated, f.Text));
        Assert.Equal("正常", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Theory]
    [InlineData("Pneumomediastinum tracking into the neck.", "异常严重")]
    [InlineData("Widened mediastinum, concerning for aortic injury.", "异常严重")]
    [InlineData("Mild pulmonary vascular congestion.", "异常轻微")]
    [InlineData("Gallbladder sludge without wall thickening.", "异常轻微")]
    [InlineData("Encephalomalacia in the left frontal lobe from an old infarct.", "异常轻微")]
    [InlineData("Small knee joint effusion with chondrocalcinosis.", "异常轻微")]
    [InlineData("Avascular necrosis of the right femoral head.", "异常严重")]
    public void Analyze_VocabularyBeyondTheChest_IsGraded(string report, string urgency)
    {
        Assert.Equal(urgency, Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Theory]
    [InlineData("Assessment for subtle pneumothorax is limited on a supine radiograph.")]
    [InlineData("Evaluation for small effusions was limited by patient rotation.")]
    public void Analyze_LimitationOfTheExam_RaisesNothing(string report)
    {
        Assert.Equal("正常", Rules.Classify(report, ReportLanguage.En).Category("紧急程度"));
    }

    [Fact]
    public void Analyze_ExtentLimitedTo_IsStillAFinding()
    {
        Assert.NotEqual("正常", Rules.Classify("The consolidation is limited to the lingula.", ReportLanguage.En).Category("紧急程度"));
    }
}
