namespace ReportLens.Application.CriticalFindings;

/// <summary>Sees every closed case (for metrics): its new state and how long it waited since it opened.</summary>
public interface ICriticalCaseObserver
{
    void Closed(string state, TimeSpan waited);
}
