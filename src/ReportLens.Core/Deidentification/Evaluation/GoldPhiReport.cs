namespace ReportLens.Core.Deidentification.Evaluation;

/// <summary>One line of a de-identification gold corpus (tests/data/deid/*.jsonl).</summary>
public sealed record GoldPhiReport(string Id, string Language, string Text, IReadOnlyList<GoldPhiSpan> Spans);
