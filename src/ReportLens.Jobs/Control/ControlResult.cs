namespace ReportLens.Jobs.Control;

/// <summary>How a control request (cancel, pause, resume, retry-failed) ended.</summary>
public enum ControlResult
{
    Done,
    NotFound,
    /// <summary>The job's state does not allow it (e.g. pausing a finished job).</summary>
    Conflict,
}
