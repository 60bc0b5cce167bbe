using ReportLens.Application.Gold;
using ReportLens.Application.Reviews;
using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;
using ReportLens.Core.Json;
using ReportLens.Data.Entities;

namespace ReportLens.Application.Tests.Gold;

/// <summary>One settled annotation's part of the gold: decisions applied, every span checked against the report.</summary>
public sealed class GoldPartsTests
{
    private const string Report = "检查所见：😀右肺上叶见磨玻璃结节。左肺未见结节。\n诊断意见：右肺上叶结节。";

    [Fact]
    public void Of_AcceptRejectEditAndAdd_FindingsCutFromTheReport()
    {
        var content = Highlights(("磨玻璃结节", HighlightCategories.Abnormal), ("结节", HighlightCategories.Abnormal), ("右肺上叶", HighlightCategories.Location));
        var added = Added("highlights", "右肺上叶结节", Report.LastIndexOf("右肺上叶结节", StringComparison.Ordinal), new ReviewAttributes(Category: "diagnosis", Laterality: "right"));
        var review = Review(added, ("highlights/0", Decision("edit", "玻璃结节")), ("highlights/1", Decision("reject")), ("highlights/2", Decision("accept")));

        var part = GoldParts.Of(Report, new SettledAnnotation(Annotation(AnnotationType.Highlight, content), review), out var problem);

        Assert.Null(problem);
        var record = part!.ToRecord("r", "zh", Report, (s, e) => (s, e), t => t);
        Assert.Equal(["玻璃结节", "右肺上叶结节"], record.Findings.Select(f => f.Text));
        Assert.All(record.Findings, f => Assert.Equal(f.Text, Report.Substring(f.Start!.Value, f.Text.Length)));
        Assert.Equal(Report.IndexOf("玻璃结节", StringComparison.Ordinal) - 1, record.Findings[0].CodePointStart);
        Assert.Equal("right", record.Findings[1].Laterality);
        Assert.Equal([AnnotationType.Highlight], record.Reviewed);
    }

    [Fact]
    public void Of_EditedTextNotAtTheItem_LeavesTheAnnotationOutWithTheReason()
    {
        var content = Highlights(("磨玻璃结节", HighlightCategories.Abnormal));
        var review = Review(null, ("highlights/0", Decision("edit", "诊断意见")));

        var part = GoldParts.Of(Report, new SettledAnnotation(Annotation(AnnotationType.Highlight, content), review), out var problem);

        Assert.Null(part);
        Assert.Equal(GoldSkipReasons.EditNotInText, problem);
    }

    [Fact]
    public void Of_ReportEditedSinceTheReview_LeavesTheAnnotationOutWithTheReason()
    {
        var content = Highlights(("磨玻璃结节", HighlightCategories.Abnormal));
        var review = Review(null, ("highlights/0", Decision("accept")));

        var part = GoldParts.Of("检查所见：右肺上叶见磨玻璃结节。", new SettledAnnotation(Annotation(AnnotationType.Highlight, content), review), out var problem);

        Assert.Null(part);
        Assert.Equal(GoldSkipReasons.StaleSpan, problem);
    }

    [Fact]
    public void Of_ClassificationRejectedWithoutCorrection_IsUnsettled_CorrectedOneIsTheTruth()
    {
        var content = new ClassificationContent
        {
            Classifications = [.. ClassificationVocabulary.Dimensions.Select(d => new ClassificationItem { Dimension = d, Category = ClassificationVocabulary.CategoriesOf(d)[0] })],
        };
        var accepted = Enumerable.Range(1, 4).Select(i => ($"classifications/{i}", Decision("accept"))).ToArray();
        var annotation = Annotation(AnnotationType.Classification, content);

        var rejected = GoldParts.Of(Report, new SettledAnnotation(annotation, Review(null, [("classifications/0", Decision("reject")), .. accepted])), out var problem);
        var corrected = GoldParts.Of(Report, new SettledAnnotation(annotation,
            Review(null, [("classifications/0", Decision("edit", attributes: new ReviewAttributes(Category: "危急"))), .. accepted])), out _);

        Assert.Null(rejected);
        Assert.Equal(GoldSkipReasons.ClassificationUnsettled, problem);
        Assert.Equal("危急", corrected!.ToRecord("r", "zh", Report, (s, e) => (s, e), t => t).Urgency);
    }

    private static HighlightContent Highlights(params (string Text, string Category)[] items)
    {
        var locator = new TextLocator(Report);
        return new HighlightContent
        {
            Highlights = [.. items.Select(i => new HighlightItem { Text = i.Text, Category = i.Category, Grounding = locator.Locate(i.Text) })],
        };
    }

    private static ReviewAddition Added(string list, string text, int start, ReviewAttributes attributes)
    {
        var locator = new TextLocator(Report);
        return new ReviewAddition(1, list, text, start, start + text.Length, locator.ToCodePoint(start), locator.ToCodePoint(start + text.Length),
            attributes, 1, "reviewer", DateTimeOffset.UnixEpoch);
    }

    private static ReviewDecision Decision(string decision, string? text = null, ReviewAttributes? attributes = null) =>
        new(decision, text, 1, "reviewer", DateTimeOffset.UnixEpoch, attributes);

    private static ReviewRecord Review(ReviewAddition? added, params (string Path, ReviewDecision Decision)[] items) =>
        new(items.ToDictionary(i => i.Path, i => i.Decision), added is null ? null : [added]);

    private static Annotation Annotation(AnnotationType type, AnnotationContent content) => new()
    {
        AnnotationType = type,
        Engine = EngineKind.Rules,
        Status = AnnotationStatus.Succeeded,
        ContentJson = ReportLensJson.SerializeContent(content),
    };
}
