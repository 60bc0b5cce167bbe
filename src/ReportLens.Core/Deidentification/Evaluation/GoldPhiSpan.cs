namespace ReportLens.Core.Deidentification.Evaluation;

/// <summary>An identifier a gold corpus marks: type, UTF-16 offsets and its text.</summary>
public sealed record GoldPhiSpan(PhiType Type, int Start, int End, string Text);
