namespace ReportLens.Core.Evaluation;

/// <summary>One cell of an agreement cross-table: how many items rater A labelled <see cref="A"/> and rater B <see cref="B"/>.</summary>
public sealed record AgreementCell(string A, string B, int Count);
