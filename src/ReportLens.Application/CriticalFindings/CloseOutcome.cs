namespace ReportLens.Application.CriticalFindings;

public enum CloseOutcome
{
    Closed,
    NotFound,
    /// <summary>Acknowledged or dismissed already: a case is closed once.</summary>
    AlreadyClosed,
}
