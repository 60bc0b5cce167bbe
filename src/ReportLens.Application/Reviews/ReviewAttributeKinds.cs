namespace ReportLens.Application.Reviews;

/// <summary>The attributes an item of one kind can carry (Flags: negated and uncertain).</summary>
public sealed record ReviewAttributeKinds(bool Category, bool Flags, bool Laterality, bool Severity, bool Score);
