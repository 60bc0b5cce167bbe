namespace ReportLens.Application.Gold;

/// <summary>Why a gold export left an annotation or a report out (the summary's keys; docs/gold-format.md#gold-export).</summary>
public static class GoldSkipReasons
{
    public const string PartiallyReviewed = "partially reviewed annotation";
    public const string NotAdjudicated = "not adjudicated (adjudicated only)";
    public const string Ungrounded = "an item is not grounded in the report";
    public const string StaleSpan = "an item's offsets do not cut out its text (report changed since review)";
    public const string EditNotInText = "an edited text is not in the report at its item";
    public const string ClassificationUnsettled = "classification: a dimension has no settled category";
    public const string FailedGoldCheck = "report: the record failed the gold file check";
}
