namespace ReportLens.Data.Entities;

/// <summary>The outcome of a review over all its decisions. Stored as its wire name ("accepted", …); null when not reviewed.</summary>
public enum ReviewStatus
{
    Accepted,
    Rejected,
    Edited,
}
