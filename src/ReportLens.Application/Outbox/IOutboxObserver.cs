namespace ReportLens.Application.Outbox;

/// <summary>Sees every outbox attempt (for metrics): its transport's kind and outcome (delivered, retry, failed).</summary>
public interface IOutboxObserver
{
    void Attempted(string kind, string outcome);
}
