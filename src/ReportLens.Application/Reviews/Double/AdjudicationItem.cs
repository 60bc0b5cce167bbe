namespace ReportLens.Application.Reviews.Double;

/// <summary>
/// Settles one disputed item (an engine item "highlights/2", or an added item "added/highlights/13-19"): <see cref="Take"/>
/// names the reviewer whose version stands, or <see cref="Decision"/> (with <see cref="Text"/> or <see cref="Attributes"/>
/// for an edit) is the adjudicator's own; on an added item accept keeps it and reject drops it.
/// </summary>
public sealed record AdjudicationItem(string? Item, string? Take = null, string? Decision = null, string? Text = null, ReviewAttributes? Attributes = null);
