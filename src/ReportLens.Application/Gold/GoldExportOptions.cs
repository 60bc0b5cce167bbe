namespace ReportLens.Application.Gold;

/// <summary>
/// Which settled reviews a gold export takes: reviewed on or after <see cref="Since"/> (UTC), only adjudicated double
/// reviews, and whether the texts and spans are de-identified (docs/gold-format.md#gold-export).
/// </summary>
public sealed record GoldExportOptions(DateOnly? Since = null, bool AdjudicatedOnly = false, bool Deidentify = false);
