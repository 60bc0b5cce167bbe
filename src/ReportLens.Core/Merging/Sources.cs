namespace ReportLens.Core.Merging;

/// <summary>Wire values of an item's <c>source</c>.</summary>
public static class Sources
{
    public const string Llm = "llm";
    public const string Rules = "rules";
    public const string Both = "both";
}
