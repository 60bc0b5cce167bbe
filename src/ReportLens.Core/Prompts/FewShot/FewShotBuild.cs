using ReportLens.Core.Evaluation;

namespace ReportLens.Core.Prompts.FewShot;

/// <summary>
/// A checked upload: the set and the gold records it came from, or the problems keyed by field as on the wire
/// ("examples[1].findings[0].start"); never both.
/// </summary>
public sealed record FewShotBuild(FewShotSet? Set, IReadOnlyList<GoldReport> Gold, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Set is not null;
}
