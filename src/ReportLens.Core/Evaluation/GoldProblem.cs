namespace ReportLens.Core.Evaluation;

/// <summary>One reason a gold record cannot be used: the field ("findings[2].start") and what is wrong with it.</summary>
public sealed record GoldProblem(string Field, string Message);
