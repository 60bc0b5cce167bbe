namespace ReportLens.Application.Evaluation;

/// <summary>An upload's outcome: the stored set, or why not (<see cref="Line"/>: the gold file's line at fault, 0 for the file as a whole).</summary>
public sealed record GoldSetUpload(GoldSetView? Created, int? Line, string? Problem);
