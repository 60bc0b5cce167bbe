namespace ReportLens.Core.Rules;

/// <summary>
/// A critical finding (危急值) the report states positively: <paramref name="Term"/> is critical.tsv's term (folded,
/// the key one finding is known by), <paramref name="Category"/> its category there (chest, neuro…), and
/// <paramref name="Start"/>/<paramref name="End"/> the UTF-16 span of its first asserted mention in the report.
/// </summary>
public sealed record CriticalFinding(string Term, string Category, int Start, int End);
