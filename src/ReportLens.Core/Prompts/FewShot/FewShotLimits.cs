namespace ReportLens.Core.Prompts.FewShot;

/// <summary>How many examples a set may hold and how long they may be: every example is sent with every report.</summary>
public static class FewShotLimits
{
    public const int MaxExamples = 8;

    /// <summary>UTF-16 characters of one example's report text.</summary>
    public const int MaxReportChars = 4_000;

    /// <summary>UTF-16 characters of all the set's report texts together.</summary>
    public const int MaxTotalChars = 12_000;

    /// <summary>Characters of a gold record's id, the example's name.</summary>
    public const int MaxIdLength = 200;
}
