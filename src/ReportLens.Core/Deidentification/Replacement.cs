namespace ReportLens.Core.Deidentification;

/// <summary>One identifier and what replaced it: <see cref="Start"/>/<see cref="End"/> are UTF-16 offsets in the de-identified text.</summary>
public sealed record Replacement(PhiSpan Original, int Start, int End, string Surrogate);
