namespace ReportLens.Server.Ui;

/// <summary>Where a bad row stands ("line 3") and why it was not imported; never the report text.</summary>
public sealed record ImportError(string Location, string Reason);
