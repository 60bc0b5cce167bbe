namespace ReportLens.Core.Evaluation;

/// <summary>
/// One class of one classification dimension (e.g. 紧急程度 = 危急), report level: <see cref="Score"/> counts the
/// reports the engine put in the class (predicted), those the gold puts there, and those both do (matched).
/// </summary>
public sealed record ClassScore(string Dimension, string Class, PrecisionRecall Score);
