namespace ReportLens.Core.Evaluation;

/// <summary>One gold file of a corpus folder and the reports it holds.</summary>
public sealed record GoldCorpusFile(string Name, IReadOnlyList<GoldReport> Reports);
