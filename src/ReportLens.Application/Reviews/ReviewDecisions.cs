namespace ReportLens.Application.Reviews;

public static class ReviewDecisions
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Edit = "edit";

    public static readonly IReadOnlyList<string> All = [Accept, Reject, Edit];
}
