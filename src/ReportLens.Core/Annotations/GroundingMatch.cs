namespace ReportLens.Core.Annotations;

/// <summary>How an item's text was found in the report: the wire values are "exact", "normalized", "fuzzy" and "none".</summary>
public enum GroundingMatch
{
    None,
    Exact,
    Normalized,
    Fuzzy,
}
